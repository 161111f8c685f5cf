/**
 * Writes `values` into the form's inputs by name: a preset of the pricing calculator. Shared by the
 * calculator (its buttons' onClick) and the island's loader, which applies a preset clicked before
 * React has arrived; the calculator adopts whatever the inputs hold when it hydrates.
 */
export function fillInputs(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement) input.value = value;
  }
}

/** The attribute a preset button carries its input values in (JSON). */
export const PRESET_ATTRIBUTE = "data-preset-inputs";
