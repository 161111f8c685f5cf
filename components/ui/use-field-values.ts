"use client";

import { useState, type ChangeEvent } from "react";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Controlled values for a form's fields, so what was typed survives an error answer (React resets
 * uncontrolled fields after a form action). `bind(name)` gives a field its value and change handler.
 */
export function useFieldValues<Name extends string>(initial: Record<Name, string>) {
  const [values, setValues] = useState(initial);
  const bind = (name: Name) => ({
    value: values[name],
    onChange: (event: ChangeEvent<Control>) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });
  return { values, bind, reset: () => setValues(initial) };
}
