import { columnsFromAttribute, type TypedTableColumn } from '@canevas/core';
import type { Editor, NodeViewRendererProps } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { createRoot, type Root } from 'react-dom/client';
import { columnUnit, TABLE_KIND_LABELS } from './columnHints.js';
import { TypedTablePanel } from './TypedTablePanel.js';
import './tables.css';

function headerCells(columns: TypedTableColumn[]): HTMLElement {
  const row = document.createElement('tr');
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.column = column.id;
    th.textContent = column.label;
    const unit = columnUnit(column);
    if (unit) {
      const small = document.createElement('span');
      small.className = 'typed-table__unit';
      small.textContent = ` (${unit})`;
      th.append(small);
    }
    row.append(th);
  }
  return row;
}

/**
 * A typed table in the editor: a real <table> whose body ProseMirror manages cell by cell, a
 * header row from the columns, and under it a panel (React, outside the editable content) with
 * the row buttons, the value picker, the computed rows and the chart.
 */
export class TypedTableView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  readonly #editor: Editor;
  readonly #getPos: () => number | undefined;
  readonly #thead: HTMLElement;
  readonly #caption: HTMLElement;
  readonly #scroll: HTMLElement;
  readonly #panel: HTMLElement;
  readonly #root: Root;
  #node: ProseMirrorNode;
  #columnsKey = '';

  constructor({ node, editor, getPos }: NodeViewRendererProps) {
    this.#node = node;
    this.#editor = editor;
    this.#getPos = getPos;
    this.dom = document.createElement('div');
    this.dom.className = 'typed-table';
    // Wide tables scroll sideways: the keyboard must reach the hidden columns too (WCAG 2.1.1),
    // so the scroll area is a named, focusable region (the arrows then scroll it).
    const scroll = document.createElement('div');
    scroll.className = 'typed-table__scroll';
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    this.#scroll = scroll;
    const table = document.createElement('table');
    table.className = 'typed-table__grid';
    this.#caption = document.createElement('caption');
    this.#caption.contentEditable = 'false';
    this.#thead = document.createElement('thead');
    this.#thead.contentEditable = 'false';
    this.contentDOM = document.createElement('tbody');
    table.append(this.#caption, this.#thead, this.contentDOM);
    scroll.append(table);
    this.#panel = document.createElement('div');
    this.#panel.className = 'typed-table__panel';
    this.#panel.contentEditable = 'false';
    this.dom.append(scroll, this.#panel);
    this.#root = createRoot(this.#panel);
    this.#render();
  }

  #render(): void {
    const node = this.#node;
    const columns = columnsFromAttribute(node.attrs.columns);
    const columnsKey = JSON.stringify(columns);
    const kind = String(node.attrs.kind ?? 'custom');
    this.dom.dataset.typedTable = kind;
    if (columnsKey !== this.#columnsKey) {
      this.#columnsKey = columnsKey;
      this.#thead.replaceChildren(headerCells(columns));
    }
    this.#caption.textContent = TABLE_KIND_LABELS[kind] ?? TABLE_KIND_LABELS.custom!;
    this.#scroll.setAttribute('aria-label', `Tableau « ${this.#caption.textContent} »`);
    this.#root.render(<TypedTablePanel editor={this.#editor} node={node} getPos={this.#getPos} />);
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.#node.type) return false;
    if (node !== this.#node) {
      this.#node = node;
      this.#render();
    }
    return true;
  }

  /**
   * The panel's buttons and fields handle their own events. Keys pressed on the focused scroll
   * area scroll it: the editor's key bindings would act on a selection that is elsewhere.
   */
  stopEvent(event: Event): boolean {
    return event.target === this.#scroll || (event.target instanceof Node && this.#panel.contains(event.target));
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    const target = mutation.target;
    if (this.#panel.contains(target) || this.#thead.contains(target) || this.#caption.contains(target)) return true;
    if (mutation.type === 'selection') return false;
    return !this.contentDOM.contains(target);
  }

  destroy(): void {
    // React refuses a synchronous unmount while it renders; ProseMirror may destroy mid-update.
    const root = this.#root;
    queueMicrotask(() => root.unmount());
  }
}
