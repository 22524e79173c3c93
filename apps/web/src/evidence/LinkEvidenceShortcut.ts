import { Extension } from '@tiptap/core';

/** The key that opens « Lier à un critère », as TipTap and aria-keyshortcuts write it. */
export const LINK_EVIDENCE_SHORTCUT = { tiptap: 'Mod-Shift-l', aria: 'Control+Shift+L', label: 'Ctrl+Maj+L' } as const;

export interface LinkEvidenceShortcutOptions {
  /** Opens the dialog; false when there is nothing to link (the key then does nothing). */
  onLink: () => boolean;
}

export const LinkEvidenceShortcut = Extension.create<LinkEvidenceShortcutOptions>({
  name: 'linkEvidenceShortcut',

  addOptions() {
    return { onLink: () => false };
  },

  addKeyboardShortcuts() {
    return { [LINK_EVIDENCE_SHORTCUT.tiptap]: () => this.options.onLink() };
  },
});
