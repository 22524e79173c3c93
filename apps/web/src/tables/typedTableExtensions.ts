import { TypedTable } from '@canevas/core/editor';
import { Extension, type AnyExtension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cellValidation } from './cellValidation.js';
import { tableContextOf } from './tableContext.js';
import { TypedTableCommands } from './typedTableCommands.js';
import { typedTableGuard } from './typedTableGuard.js';
import { TypedTableView } from './TypedTableView.js';

/** The core's node, same schema, drawn with its panel in the browser. */
export const TypedTableWithView = TypedTable.extend({
  addNodeView() {
    return (props) => new TypedTableView(props);
  },
});

/** A cell holds one line of plain text: a paste becomes that line, never new rows or cells. */
function plainPasteInCells(): Plugin {
  return new Plugin({
    key: new PluginKey('typedCellPaste'),
    props: {
      handlePaste(view, event) {
        if (!tableContextOf(view.state)) return false;
        const text = event.clipboardData?.getData('text/plain') ?? '';
        view.dispatch(view.state.tr.insertText(text.replace(/\s*[\r\n\t]+\s*/g, ' ').trim()).scrollIntoView());
        return true;
      },
    },
  });
}

export const TypedTableEditing = Extension.create({
  name: 'typedTableEditing',
  addProseMirrorPlugins() {
    return [typedTableGuard(), cellValidation(), plainPasteInCells()];
  },
});

/** The shared editor extensions with typed tables made editable (node view, commands, checks). */
export function withTypedTableEditing(extensions: AnyExtension[]): AnyExtension[] {
  return [
    ...extensions.map((extension) => (extension.name === TypedTable.name ? TypedTableWithView : extension)),
    TypedTableCommands,
    TypedTableEditing,
  ];
}
