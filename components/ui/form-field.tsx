import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";

const control =
  "mt-1.5 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-base placeholder:text-ink-soft/70 focus:border-brand focus:ring-2 focus:ring-brand/25 focus:outline-none aria-invalid:border-danger";

// `ref` reaches the input or textarea (useFieldValues reads what was typed before hydration through it).
type Common = { name: string; label: string; hint?: string; error?: string; ref?: (element: HTMLInputElement | HTMLTextAreaElement | null) => void };

type FieldProps = Common &
  (
    | ({ multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, "name">)
    | ({ multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">)
  );

/** A labelled input (or textarea) with its hint and its error, wired together for screen readers. */
export function FormField(props: FieldProps) {
  const { name, label, hint, error } = props;
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const className = [control, props.className].filter(Boolean).join(" ");
  const shared = { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {props.multiline ? (
        <textarea {...stripCommon(props)} {...shared} />
      ) : (
        <input {...stripCommon(props)} {...shared} />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-ink-soft">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function stripCommon<T extends Common & { multiline?: boolean }>(props: T) {
  const { name: _name, label: _label, hint: _hint, error: _error, multiline: _multiline, ...rest } = props;
  return rest;
}
