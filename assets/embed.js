// FTZ Atlas embeds: include this file (no inline script needed) on a page that has
//   <iframe data-ftz-atlas src="https://…/?embed=nev-exports&lang=en" title="…"></iframe>
// and each such iframe takes the height its chart reports.
(() => {
  const frames = () => document.querySelectorAll("iframe[data-ftz-atlas]");
  for (const f of frames()) {
    f.style.border = "0";
    f.style.width = "100%";
  }
  addEventListener("message", (e) => {
    const d = e.data;
    if (!d || d.type !== "ftz-atlas:height" || !Number.isFinite(d.height)) return;
    for (const f of frames()) {
      if (f.contentWindow === e.source) f.style.height = `${Math.max(100, Math.min(d.height, 10000))}px`;
    }
  });
})();
