/**
 * Builds a DOM element. Text always goes in as text nodes, never as HTML, so whatever the API or a
 * caller's transcript contains is shown, not run.
 *   el('a', { href: '#/', class: 'link', dataset: { testid: 'x' }, onclick: fn }, 'text', child)
 * Attributes that are null, undefined or false are left out; true sets an empty attribute.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** A `<time>` element that machines can read and people can too. */
export function timeEl(iso, text) {
  return el('time', { datetime: iso }, text);
}
