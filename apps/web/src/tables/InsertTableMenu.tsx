import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { InsertableChoice } from './insertableTables.js';

interface InsertTableMenuProps {
  editor: Editor;
  choices: InsertableChoice[];
  disabled: boolean;
}

/**
 * « Insérer un tableau »: a menu button (WAI-ARIA menu pattern). Enter, Space or Arrow Down
 * opens it on the first item; arrows, Home and End move; Escape closes and returns to the button.
 */
export function InsertTableMenu({ editor, choices, disabled }: InsertTableMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!(event.target instanceof Node) || !button.current?.parentElement?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  function openAt(index: number): void {
    if (disabled) return;
    setActive((index + choices.length) % choices.length);
    setOpen(true);
  }

  function choose(choice: InsertableChoice): void {
    setOpen(false);
    editor.chain().focus().insertTypedTable(choice.table).run();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : choices.length - 1);
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: choices.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      setActive((target + choices.length) % choices.length);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  }

  return (
    <div className="insert-menu">
      <button
        ref={button}
        type="button"
        className="toolbar__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={disabled || undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        Insérer un tableau
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label="Tableaux" className="insert-menu__list" onKeyDown={onMenuKeyDown}>
          {choices.map((choice, index) => (
            <li key={choice.id} role="none">
              <button
                ref={(element) => {
                  items.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                className="insert-menu__item"
                onClick={() => choose(choice)}
              >
                {choice.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
