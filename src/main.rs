//! The binary. In the browser: mounts the app into `#app`, replacing the static skeleton or,
//! once drawn, the prerendered page.
//! Natively: `cargo run -- <dir>` writes every chart as SVG and as PowerPoint (editable charts)
//! in both languages into `<dir>`, and the deck of every chart in each language.

/// talc instead of the default dlmalloc: the same job in about 6 KB less wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    ftz_atlas::web::panic::install();
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        // The release page holds the prerendered page (src/prerender.rs): the app mounts beside
        // it, hidden and out of the flow, and replaces it once every chart is drawn
        // (`web::dom::reveal`), so the reader sees no intermediate state and nothing moves.
        Some(root) if root.query_selector(".pre").ok().flatten().is_some() => {
            let host =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok());
            match host {
                Some(host) => {
                    host.set_class_name("app-mounting");
                    let _ = root.append_child(&host);
                    yew::Renderer::<ftz_atlas::App>::with_root(host).render();
                }
                None => {
                    yew::Renderer::<ftz_atlas::App>::with_root(root).render();
                }
            }
        }
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<ftz_atlas::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<ftz_atlas::App>::new().render();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use ftz_atlas::chart::{build, catalog};
    use ftz_atlas::data::Dataset;
    use ftz_atlas::i18n::{issue_message, Lang};
    use ftz_atlas::office;

    let dir = std::env::args().nth(1).unwrap_or_else(|| "charts".to_string());
    let ds = match Dataset::embedded() {
        Ok(ds) => ds,
        Err(issues) => {
            for i in &issues {
                eprintln!("{}", issue_message(i, Lang::En));
            }
            return std::process::ExitCode::FAILURE;
        }
    };
    // `prerender <dist>`: the built page gets the prerendered page and its stylesheet the
    // rules of its dark theme (src/prerender.rs).
    if dir == "prerender" {
        let Some(dist) = std::env::args().nth(2) else {
            eprintln!("usage: ftz-atlas prerender <dist>");
            return std::process::ExitCode::FAILURE;
        };
        let (path, css_path) = (format!("{dist}/index.html"), format!("{dist}/style.css"));
        let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
        let put = |p: &str, text: &str| std::fs::write(p, text).map_err(|e| format!("{p}: {e}"));
        let done = read(&path).and_then(|index| {
            let (page, rules) = ftz_atlas::prerender::into_index(&index, &ds)?;
            let css = ftz_atlas::prerender::into_css(&read(&css_path)?, &rules);
            put(&path, &page)?;
            put(&css_path, &css)?;
            Ok(page.len())
        });
        return match done {
            Ok(bytes) => {
                println!("{path}: prerendered, {bytes} bytes");
                std::process::ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("prerender: {e}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {dir}: {e}");
        return std::process::ExitCode::FAILURE;
    }
    let write = |path: String, bytes: &[u8]| match std::fs::write(&path, bytes) {
        Ok(()) => {
            println!("{path}");
            true
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            false
        }
    };
    let palette = &ftz_atlas::chart::theme::LIGHT;
    for lang in [Lang::Zh, Lang::En] {
        let models: Vec<_> = catalog::all().iter().map(|s| build(&ds, s, lang)).collect();
        // No rasterizer natively: a panel that is a picture on the page's slides is its
        // description here.
        for m in &models {
            let d = office::deck::deck(
                &m.title,
                lang,
                palette,
                office::deck::chart_slides(m, palette, &mut |_| None),
            );
            let ok = office::pptx::write(&d)
                .map(|b| write(format!("{dir}/{}-{}.pptx", m.id.slug(), lang.code()), &b));
            if ok != Ok(true) {
                return std::process::ExitCode::FAILURE;
            }
        }
        let d = office::deck::full_deck(&models, lang, palette, "", &mut |_, _| None);
        if office::pptx::write(&d).map(|b| write(format!("{dir}/deck-{}.pptx", lang.code()), &b)) != Ok(true)
        {
            return std::process::ExitCode::FAILURE;
        }
    }
    for spec in catalog::all() {
        for lang in [Lang::Zh, Lang::En] {
            let model = build(&ds, &spec, lang);
            let path = format!("{dir}/{}-{}.svg", spec.id.slug(), lang.code());
            match ftz_atlas::render::svg::to_svg(&model, &ftz_atlas::render::svg::SvgOptions::export(960)) {
                Ok(svg) => {
                    if let Err(e) = std::fs::write(&path, svg) {
                        eprintln!("{path}: {e}");
                        return std::process::ExitCode::FAILURE;
                    }
                    println!("{path}");
                }
                Err(e) => {
                    eprintln!("{path}: {e}");
                    return std::process::ExitCode::FAILURE;
                }
            }
        }
    }
    std::process::ExitCode::SUCCESS
}
