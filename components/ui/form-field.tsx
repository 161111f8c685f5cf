import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control =
  "mt-1.5 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-base placeholder:text-ink-soft/70 focus:border-brand focus:ring-2 focus:ring-brand/25 focus:outline-none aria-invalid:border-danger";

type Common = { name: string; label: string; hint?: string; error?: string };

// `ref` reaches the input or textarea (useFieldValues reads what was typed before hydration through it).
type FieldProps = Common & { ref?: (element: HTMLInputElement | HTMLTextAreaElement | null) => void } & (
    | ({ multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, "name">)
    | ({ multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">)
  );

type SelectFieldProps = Common & { ref?: (element: HTMLSelectElement | null) => void; children: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "name"
  >;

/** A labelled input (or textarea) with its hint and its error, wired together for screen readers. */
export function FormField(props: FieldProps) {
  const shared = controlProps(props);
  return (
    <Labelled {...props}>
      {props.multiline ? (
        <textarea {...stripCommon(props)} {...shared} />
      ) : (
        <input {...stripCommon(props)} {...shared} />
      )}
    </Labelled>
  );
}

/** FormField's select: a labelled `<select>` of the options it is given, with its hint and its error. */
export function SelectField(props: SelectFieldProps) {
  const { children, ...rest } = stripCommon(props);
  return (
    <Labelled {...props}>
      <select {...rest} {...controlProps(props)}>
        {children}
      </select>
    </Labelled>
  );
}

/** The label above a control, its hint and its error below, with the ids the control refers to. */
function Labelled({ name, label, hint, error, children }: Common & { children: ReactNode }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
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

function controlProps({ name, hint, error, className }: Common & { className?: string }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: [control, className].filter(Boolean).join(" "),
  };
}

function stripCommon<T extends Common & { multiline?: boolean }>(props: T) {
  const { name: _name, label: _label, hint: _hint, error: _error, multiline: _multiline, ...rest } = props;
  return rest;
}
