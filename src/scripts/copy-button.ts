/**
 * <rb-copy target="id">: a button that copies the text of the element with that id (a
 * checksum), or the full address of a link (a permalink). Without JavaScript, or without
 * clipboard access, it stays hidden and the text remains selectable.
 */
class RoadbookCopy extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button || !navigator.clipboard || this.dataset.ready) return;
    this.dataset.ready = 'true';
    const label = button.textContent ?? '';
    button.addEventListener('click', async () => {
      const target = document.getElementById(this.getAttribute('target') ?? '');
      if (!target) return;
      try {
        // A link gives its full address (the page shows the path when the site's address is unknown).
        const text = target instanceof HTMLAnchorElement ? target.href : (target.textContent ?? '').trim();
        await navigator.clipboard.writeText(text);
        button.textContent = this.dataset.copied ?? label;
        setTimeout(() => (button.textContent = label), 2000);
      } catch {
        // Clipboard refused (permissions): the text stays there to select by hand.
      }
    });
    this.hidden = false;
  }
}

if (!customElements.get('rb-copy')) customElements.define('rb-copy', RoadbookCopy);
