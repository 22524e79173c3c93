import { MAX_DOCUMENT_DEPTH, documentShape, markNameOfFormat, type DocumentShape } from '@canevas/core';
import * as Y from 'yjs';

/** An update that would give a content doc a shape the shared schema cannot read. */
export class RefusedUpdateError extends Error {
  override readonly name = 'RefusedUpdateError';
}

export interface ContentUpdateLimits {
  shape?: DocumentShape;
  /** How deep elements may nest (default {@link MAX_DOCUMENT_DEPTH}). */
  maxDepth?: number;
  /**
   * Roots allowed besides the body, left unchecked (tests and tools that sync a plain Y.Text).
   * None by default: the editor writes the body only.
   */
  extraRoots?: readonly string[];
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** Where a type sits: the body's fragment, an element (its name, depth), or a text run. */
type Container =
  | { kind: 'fragment'; depth: 0 }
  | { kind: 'element'; name: string; depth: number }
  | { kind: 'text'; depth: number }
  /** A root other than the body, or a type the schema never uses (Y.Array, Y.Map…). */
  | { kind: 'foreign'; what: string };

/**
 * Where an item lands once Yjs integrates it: its parent type and its key (`sub`) in it, `gone`
 * when Yjs turns it into a GC struct (its parent or a neighbour was collected), `unknown` when
 * what decides it is neither in the doc nor in the update (Yjs keeps the item pending).
 */
type Place = { container: Container; sub: string | null } | 'gone' | 'unknown' | 'extra';

/**
 * Throws {@link RefusedUpdateError} when integrating `structs` (a decoded update) into `doc`
 * would leave the body unreadable by the shared ProseMirror schema: a root other than the body,
 * the body typed other than a Y.XmlFragment, an element or mark the schema does not know, an
 * attribute its node does not have, or elements nested deeper than `maxDepth`.
 *
 * Only the structs the update inserts are looked at; each one's parent is found the way Yjs will
 * find it (its explicit parent, else its left or right neighbour's), in the update or in the doc,
 * and the depth of a parent in the doc by walking up from it. Structs still waiting in the doc
 * for a missing dependency are checked with the update, since it may be what lets them in.
 */
export function checkContentUpdate(doc: Y.Doc, structs: readonly Struct[], limits: ContentUpdateLimits = {}): void {
  const shape = limits.shape ?? documentShape();
  const maxDepth = limits.maxDepth ?? MAX_DOCUMENT_DEPTH;
  const incoming = new IncomingStructs(structs);
  const pending = doc.store.pendingStructs;
  if (pending) incoming.add(Y.decodeUpdateV2(pending.update).structs);
  const places = new PlaceResolver(doc, shape, incoming, maxDepth, new Set(limits.extraRoots ?? []));
  for (const item of incoming.items()) {
    // Yjs skips what it already holds.
    if (item.id.clock + item.length <= Y.getState(doc.store, item.id.client)) continue;
    checkItem(item, places.placeOf(item), shape, maxDepth);
  }
}

function checkItem(item: Y.Item, place: Place, shape: DocumentShape, maxDepth: number): void {
  const content = item.content;
  if (content instanceof Y.ContentDeleted || place === 'gone' || place === 'extra') return;
  // Whatever its place, some contents are never valid in a body.
  if (content instanceof Y.ContentType) checkType(content.type, shape);
  else if (content instanceof Y.ContentFormat) checkMark(content.key, shape);
  else if (!(content instanceof Y.ContentString) && !(content instanceof Y.ContentAny)) {
    throw new RefusedUpdateError(`${content.constructor.name} has no place in a document body`);
  }
  if (place === 'unknown') return;
  const { container, sub } = place;
  switch (container.kind) {
    case 'foreign':
      throw new RefusedUpdateError(`content inserted into ${container.what}`);
    case 'text':
      // Text runs hold characters and marks only (y-prosemirror sets no attribute on them).
      if (sub !== null) throw new RefusedUpdateError(`attribute « ${sub} » on a text run`);
      if (!(content instanceof Y.ContentString) && !(content instanceof Y.ContentFormat)) {
        throw new RefusedUpdateError(`${content.constructor.name} inside a text run`);
      }
      return;
    case 'fragment':
    case 'element': {
      if (sub !== null) {
        const attributes = container.kind === 'element' ? shape.elements.get(container.name) : undefined;
        if (!attributes?.has(sub)) {
          throw new RefusedUpdateError(`attribute « ${sub} » unknown to ${container.kind === 'element' ? container.name : 'the body'}`);
        }
        if (!(content instanceof Y.ContentAny)) throw new RefusedUpdateError(`attribute « ${sub} » holds ${content.constructor.name}`);
        return;
      }
      if (!(content instanceof Y.ContentType)) {
        throw new RefusedUpdateError(`${content.constructor.name} directly inside ${container.kind === 'element' ? container.name : 'the body'}`);
      }
      const childDepth = content.type instanceof Y.XmlElement ? container.depth + 1 : container.depth;
      if (childDepth > maxDepth) throw new RefusedUpdateError(`elements nested deeper than ${maxDepth}`);
      return;
    }
  }
}

/** The only types a body holds: elements the schema knows, and text runs. */
function checkType(type: Y.AbstractType<unknown>, shape: DocumentShape): void {
  if (type instanceof Y.XmlText) return;
  if (type instanceof Y.XmlElement && !(type instanceof Y.XmlHook)) {
    if (!shape.elements.has(type.nodeName)) throw new RefusedUpdateError(`unknown element « ${type.nodeName} »`);
    return;
  }
  throw new RefusedUpdateError(`${type.constructor.name} has no place in a document body`);
}

function checkMark(key: string, shape: DocumentShape): void {
  if (!shape.marks.has(markNameOfFormat(key))) throw new RefusedUpdateError(`unknown mark « ${key} »`);
}

/** The items of the update (and of the doc's pending structs), found by id. */
class IncomingStructs {
  private readonly byClient = new Map<number, Struct[]>();

  constructor(structs: readonly Struct[]) {
    this.add(structs);
  }

  add(structs: readonly Struct[]): void {
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      let list = this.byClient.get(struct.id.client);
      if (!list) this.byClient.set(struct.id.client, (list = []));
      list.push(struct);
    }
    // Pending structs and the update may interleave: keep each client's list ordered by clock.
    for (const list of this.byClient.values()) {
      for (let i = 1; i < list.length; i++) {
        if (list[i - 1]!.id.clock > list[i]!.id.clock) {
          list.sort((a, b) => a.id.clock - b.id.clock);
          break;
        }
      }
    }
  }

  *items(): IterableIterator<Y.Item> {
    for (const list of this.byClient.values()) for (const struct of list) if (struct instanceof Y.Item) yield struct;
  }

  /** The struct whose clock range holds `id`. */
  find(id: Y.ID): Y.Item | Y.GC | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const struct = list[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct as Y.Item | Y.GC;
    }
    return undefined;
  }
}

/** What `placeOf` needs next: a final answer, or the place of another incoming item. */
type Step = { place: Place } | { inherit: Y.Item } | { insideOf: Y.Item; sub: string | null };

class PlaceResolver {
  private readonly places = new Map<Y.Item, Place>();
  private readonly docContainers = new Map<Y.AbstractType<unknown>, Container>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly shape: DocumentShape,
    private readonly incoming: IncomingStructs,
    private readonly maxDepth: number,
    private readonly extraRoots: ReadonlySet<string>,
  ) {}

  /**
   * Iterative, not recursive: a pasted list of 10,000 paragraphs is a chain of 10,000 origins,
   * and 3,000 nested elements a chain of 3,000 parents.
   */
  placeOf(item: Y.Item): Place {
    const chain: { item: Y.Item; step: Step }[] = [];
    const visiting = new Set<Y.Item>();
    let current = item;
    let place: Place;
    for (;;) {
      const known = this.places.get(current);
      if (known !== undefined) {
        place = known;
        break;
      }
      if (visiting.has(current)) {
        // Ids that point at one another: Yjs can never integrate them.
        place = 'unknown';
        break;
      }
      visiting.add(current);
      const step = this.stepOf(current);
      if ('place' in step) {
        place = step.place;
        this.places.set(current, place);
        break;
      }
      chain.push({ item: current, step });
      current = 'inherit' in step ? step.inherit : step.insideOf;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const { item: link, step } = chain[i]!;
      if ('insideOf' in step) place = this.placeInside(step.insideOf, place, step.sub);
      this.places.set(link, place);
    }
    return place;
  }

  private stepOf(item: Y.Item): Step {
    if (item.origin || item.rightOrigin) {
      // As Yjs' Item.getMissing: a collected neighbour collects the item; else it takes the
      // parent and key of its left neighbour, or of its right one.
      const left = item.origin ? this.find(item.origin) : undefined;
      const right = item.rightOrigin ? this.find(item.rightOrigin) : undefined;
      if ((item.origin && !left) || (item.rightOrigin && !right)) return { place: 'unknown' };
      if (left instanceof Y.GC || right instanceof Y.GC) return { place: 'gone' };
      const neighbour = (left ?? right) as Y.Item;
      if (this.isIncoming(neighbour)) return { inherit: neighbour };
      return { place: this.placeOfDocItem(neighbour) };
    }
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      if (this.extraRoots.has(parent)) return { place: 'extra' };
      const container: Container =
        parent === this.shape.field ? this.bodyContainer() : { kind: 'foreign', what: `the root « ${parent} »` };
      return { place: { container, sub: item.parentSub } };
    }
    if (!(parent instanceof Y.ID)) return { place: 'unknown' };
    const parentItem = this.find(parent);
    if (!parentItem) return { place: 'unknown' };
    if (parentItem instanceof Y.GC) return { place: 'gone' };
    if (this.isIncoming(parentItem)) return { insideOf: parentItem, sub: item.parentSub };
    if (!(parentItem.content instanceof Y.ContentType)) return { place: 'gone' };
    return { place: { container: this.containerOfDocType(parentItem.content.type), sub: item.parentSub } };
  }

  /** The place of a child of `parent` (an incoming item) under key `sub`, `parent` being at `parentPlace`. */
  private placeInside(parent: Y.Item, parentPlace: Place, sub: string | null): Place {
    if (parentPlace === 'gone' || parentPlace === 'unknown' || parentPlace === 'extra') return parentPlace;
    // Yjs collects the children of an item that holds no type.
    if (!(parent.content instanceof Y.ContentType)) return 'gone';
    const type = parent.content.type;
    const outer = parentPlace.container;
    if (outer.kind === 'foreign') return { container: outer, sub };
    return { container: containerOf(type, outer.depth + (type instanceof Y.XmlElement ? 1 : 0)), sub };
  }

  private placeOfDocItem(item: Y.Item): Place {
    const parent = item.parent as Y.AbstractType<unknown>;
    if (parent._item === null && this.extraRoots.size > 0) {
      const root = Y.findRootTypeKey(parent);
      if (this.extraRoots.has(root)) return 'extra';
    }
    return { container: this.containerOfDocType(item.parent as Y.AbstractType<unknown>), sub: item.parentSub };
  }

  /** The body's fragment, unless the doc already holds it as another type (old data). */
  private bodyContainer(): Container {
    const body = this.doc.share.get(this.shape.field);
    if (body && body.constructor !== Y.AbstractType && !(body instanceof Y.XmlFragment)) {
      return { kind: 'foreign', what: `the body typed as ${body.constructor.name}` };
    }
    return { kind: 'fragment', depth: 0 };
  }

  private containerOfDocType(type: Y.AbstractType<unknown>): Container {
    const cached = this.docContainers.get(type);
    if (cached) return cached;
    let container: Container;
    if (type._item === null) {
      container = this.doc.share.get(this.shape.field) === type ? this.bodyContainer() : { kind: 'foreign', what: 'another root' };
    } else {
      // Elements above it; the walk stops past the limit (old data may nest far deeper).
      let depth = 0;
      for (let above: Y.AbstractType<unknown> | null = type; above?._item && depth <= this.maxDepth; above = above._item.parent as Y.AbstractType<unknown>) {
        if (above instanceof Y.XmlElement) depth++;
      }
      container = containerOf(type, depth);
    }
    this.docContainers.set(type, container);
    return container;
  }

  private find(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock < Y.getState(this.doc.store, id.client)) return Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
    return this.incoming.find(id);
  }

  private isIncoming(struct: Y.Item): boolean {
    return struct.id.clock >= Y.getState(this.doc.store, struct.id.client);
  }
}

/** A type's container, `depth` counting the elements from the body down to and including it. */
function containerOf(type: Y.AbstractType<unknown>, depth: number): Container {
  if (type instanceof Y.XmlText) return { kind: 'text', depth };
  if (type instanceof Y.XmlElement && !(type instanceof Y.XmlHook)) return { kind: 'element', name: type.nodeName, depth };
  return { kind: 'foreign', what: `a ${type.constructor.name}` };
}
