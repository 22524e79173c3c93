import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** Escape, or the caller's cancel button. */
  onCancel: () => void;
  /** Role alertdialog for confirmations that interrupt the user. */
  alert?: boolean;
  /** Room for a list (e.g. the criteria to choose from). */
  wide?: boolean;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside) and Escape fires `cancel`. The element marked `data-autofocus` gets the focus; focus goes
 * back where it was when the dialog closes.
 */
export function Dialog({ title, children, onCancel, alert = false, wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCancelRef = useRef(onCancel);
  useEffect(() => {
    onCancelRef.current = onCancel;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // React's autoFocus fires before showModal(), while the dialog is still hidden: focus here.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const handleCancel = (event: Event) => {
      // Keep the dialog under React's control: the caller decides whether it unmounts.
      event.preventDefault();
      onCancelRef.current();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('cancel', handleCancel);
      dialog.close();
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={wide ? 'dialog dialog--wide' : 'dialog'} aria-labelledby={titleId} role={alert ? 'alertdialog' : undefined}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
