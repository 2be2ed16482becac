// The one element builder of Baton's own pages (console, supervisor view, trainer workspace): el('li', {class: 'item',
// text: 'Hello', onclick: fn, style: {width: '50%'}}, ...children). The widget keeps its own, since it must stand alone
// on other sites' pages.
(() => {
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value == null || value === false) continue;
      if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'text') node.textContent = value;
      // Through the CSSOM: our Content-Security-Policy refuses style attributes, not this.
      else if (key === 'style') Object.assign(node.style, value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) if (child != null && child !== false) node.append(child);
    return node;
  };
  window.batonDom = { el };
})();
