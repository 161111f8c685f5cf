"use client";

import { useEffect, useLayoutEffect, useRef, useState, type ChangeEvent } from "react";

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
  // React 19 resets a `<form action>` once its action has run, and a reset puts a select back to its
  // default option, which React leaves alone for a controlled select (an input's default it keeps in step):
  // after a refused save the country showed "Choose a country" while the state still held DE. A bound
  // select's default follows its value, so a reset keeps it.
  useLayoutEffect(() => keepSelectDefaults(elements.current, values), [values]);
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

function keepSelectDefaults<Name extends string>(elements: Map<Name, Control>, values: Record<Name, string>) {
  for (const [name, element] of elements) {
    if (!(element instanceof HTMLSelectElement)) continue;
    for (const option of element.options) option.defaultSelected = option.value === values[name];
  }
}
