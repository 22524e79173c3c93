import { safeHref, type ProseMirrorJSON } from '@canevas/core';
import { clampHeadingLevel, type Block, type Inline, type TextMarks } from './ExportBook.js';
import { typedTableToExport } from './typedTableToExport.js';

export interface BlockOptions {
  /** Added to every heading level: a dossier's chapter title is level 1, its headings start at 2. */
  headingOffset?: number;
  /** ISO date that decides which actions are late in an action plan's computed rows. */
  today: string;
}

/**
 * Turns a document body (ProseMirror JSON of the shared schema) into export blocks. A node this
 * function does not know is not dropped: its text is kept as paragraphs, as the schema rule
 * « never drop unknown content silently » asks.
 */
export function proseMirrorToBlocks(doc: ProseMirrorJSON, options: BlockOptions): Block[] {
  const context: Context = { offset: options.headingOffset ?? 0, today: options.today, outline: new Outline(doc) };
  return (doc.content ?? []).flatMap((child) => toBlocks(child, context));
}

interface Context {
  offset: number;
  today: string;
  outline: Outline;
}

/**
 * Heading levels as an export outline: the document's highest level becomes level 1 and no
 * heading sits more than one level under the one before it. Authors often start at « Titre 2 »
 * (the document's title plays level 1 in the app), and an outline that jumps from the title to
 * level 3 breaks Word's navigation pane, PDF bookmarks and screen readers' heading lists.
 */
class Outline {
  private readonly top: number;
  private previous = 0;

  constructor(doc: ProseMirrorJSON) {
    this.top = Math.min(7, ...headingLevels(doc));
  }

  next(level: number): number {
    this.previous = Math.min(level - this.top + 1, this.previous + 1);
    return this.previous;
  }
}

function headingLevels(node: ProseMirrorJSON): number[] {
  const own = node.type === 'heading' ? [levelOf(node)] : [];
  return own.concat((node.content ?? []).flatMap(headingLevels));
}

function levelOf(heading: ProseMirrorJSON): number {
  return clampHeadingLevel(Number(heading.attrs?.level ?? 1));
}

function toBlocks(node: ProseMirrorJSON, context: Context): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', inlines: toInlines(node.content) }];
    case 'heading':
      return [{ kind: 'heading', level: clampHeadingLevel(context.outline.next(levelOf(node)) + context.offset), inlines: toInlines(node.content) }];
    case 'bulletList':
    case 'orderedList':
      return [
        {
          kind: 'list',
          ordered: node.type === 'orderedList',
          start: startOf(node),
          items: (node.content ?? []).map((item) => (item.content ?? []).flatMap((child) => toBlocks(child, context))),
        },
      ];
    case 'blockquote':
      return [{ kind: 'quote', blocks: (node.content ?? []).flatMap((child) => toBlocks(child, context)) }];
    case 'codeBlock':
      return [{ kind: 'code', text: textOf(node) }];
    case 'horizontalRule':
      return [{ kind: 'rule' }];
    case 'typedTable':
      return [{ kind: 'table', table: typedTableToExport(node, context.today) }];
    default:
      return unknownToBlocks(node, context);
  }
}

function unknownToBlocks(node: ProseMirrorJSON, context: Context): Block[] {
  if (node.type === 'text' || node.type === 'hardBreak') return [{ kind: 'paragraph', inlines: toInlines([node]) }];
  const children = node.content ?? [];
  if (children.length === 0) return [];
  if (children.some((child) => child.type === 'text')) return [{ kind: 'paragraph', inlines: toInlines(children) }];
  return children.flatMap((child) => toBlocks(child, context));
}

function startOf(node: ProseMirrorJSON): number {
  const start = Number(node.attrs?.start ?? 1);
  return Number.isSafeInteger(start) && start >= 0 ? start : 1;
}

function toInlines(content: readonly ProseMirrorJSON[] | undefined): Inline[] {
  const inlines: Inline[] = [];
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') {
      inlines.push({ kind: 'break' });
    } else if (typeof node.text === 'string') {
      inlines.push(textInline(node));
    } else if (node.content) {
      // An inline node the schema may add later (a mention…): keep its text.
      inlines.push(...toInlines(node.content));
    }
  }
  return inlines;
}

function textInline(node: ProseMirrorJSON): Inline {
  const marks: TextMarks = {};
  let href: string | undefined;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') marks.bold = true;
    else if (mark.type === 'italic') marks.italic = true;
    else if (mark.type === 'strike') marks.strike = true;
    else if (mark.type === 'underline') marks.underline = true;
    else if (mark.type === 'code') marks.code = true;
    else if (mark.type === 'link') href = safeHref(mark.attrs?.href);
  }
  return href === undefined ? { kind: 'text', text: node.text ?? '', marks } : { kind: 'text', text: node.text ?? '', marks, href };
}

/** All the text under a node, hard breaks as new lines. */
export function textOf(node: ProseMirrorJSON): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join('');
}
