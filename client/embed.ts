// The embed helper a clinic's own website loads: sizes each <iframe data-creak> to the height of the page inside it.
interface CreakMessage {
  creak: 'loaded' | 'height';
  height: number;
}

function isCreakMessage(data: unknown): data is CreakMessage {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { creak?: unknown; height?: unknown };
  return (d.creak === 'loaded' || d.creak === 'height') && typeof d.height === 'number' && d.height > 0 && d.height < 100000;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isCreakMessage(event.data)) return;
  for (const frame of Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe[data-creak]'))) {
    if (frame.contentWindow !== event.source) continue;
    // Only the check's own origin may resize its frame.
    if (new URL(frame.src, location.href).origin !== event.origin) return;
    frame.style.height = `${String(event.data.height)}px`;
    frame.setAttribute('scrolling', 'no');
    // A new page inside the frame: bring its top into view, as a full page load would.
    if (event.data.creak === 'loaded' && frame.getBoundingClientRect().top < 0) frame.scrollIntoView();
    return;
  }
});
