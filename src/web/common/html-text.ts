// Leaflet and ECharts take HTML strings (tooltips, popups, icons, attributions, chart tooltips).
// Names and other text reach them only as elements holding text, or escaped: never as markup.

/** The text escaped for a place in an HTML string (ECharts tooltip formatters, Leaflet attributions). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An element showing the text as text, for a Leaflet tooltip, popup or icon. */
export function textElement<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}
