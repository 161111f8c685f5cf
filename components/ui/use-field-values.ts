"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Controlled values for a form's fields, so what was typed survives an error answer (React resets
 * uncontrolled fields after a form action). `bind(name)` gives a field its value, change handler and ref.
 * What a visitor typed before React hydrated the form is still only in the DOM: state holds the initial
 * value, and the next render (typing in another field) would write that back over it. So once mounted,
 * the hook adopts whatever the fields hold.
 */
export function useFieldValues<Name extends string>(initial: Record<Name, string>) {
  const [values, setValues] = useState(initial);
  const elements = useRef(new Map<Name, Control>());
  useEffect(() => {
    const typed = [...elements.current].filter(([name, element]) => element.value !== initial[name]);
    // Runs once, after hydration: the only moment the DOM can hold what state does not.
    if (typed.length > 0) setValues((current) => ({ ...current, ...Object.fromEntries(typed.map(([name, element]) => [name, element.value])) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const bind = (name: Name) => ({
    value: values[name],
    onChange: (event: ChangeEvent<Control>) => setValues((current) => ({ ...current, [name]: event.target.value })),
    ref: (element: Control | null) => {
      if (element) elements.current.set(name, element);
      else elements.current.delete(name);
    },
  });
  return { values, bind, reset: () => setValues(initial) };
}
