//! The parts of a PowerPoint package that are the same in every file (master, layout, theme,
//! presentation properties, their relationships), as text fixed at compile time.

macro_rules! header {
    () => {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    };
}

macro_rules! ns {
    () => {
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
         xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
    };
}

macro_rules! empty_tree {
    () => {
        "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
         <p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/>\
         <a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr></p:spTree>"
    };
}

macro_rules! rels {
    ($($id:literal $kind:literal $target:literal),*) => {
        concat!(
            header!(),
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
            $("<Relationship Id=\"", $id, "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
              $kind, "\" Target=\"", $target, "\"/>",)*
            "</Relationships>"
        )
    };
}

macro_rules! solid_ph {
    () => {
        "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
    };
}

macro_rules! font {
    ($tag:literal) => {
        concat!(
            "<a:",
            $tag,
            "><a:latin typeface=\"Arial\"/><a:ea typeface=\"Noto Sans CJK SC\"/><a:cs typeface=\"\"/></a:",
            $tag,
            ">"
        )
    };
}

/// The PresentationML namespaces every slide and the presentation part declare.
pub const NS: &str = ns!();

/// The package's fixed parts: `(part name, text)`.
pub const FIXED: [(&str, &str); 8] = [
    (
        "ppt/slideMasters/slideMaster1.xml",
        concat!(
            header!(),
            "<p:sldMaster ",
            ns!(),
            "><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>",
            empty_tree!(),
            "</p:cSld><p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" \
             accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" \
             folHlink=\"folHlink\"/><p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst></p:sldMaster>"
        ),
    ),
    (
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        rels!("rId1" "slideLayout" "../slideLayouts/slideLayout1.xml", "rId2" "theme" "../theme/theme1.xml"),
    ),
    (
        "ppt/slideLayouts/slideLayout1.xml",
        concat!(
            header!(),
            "<p:sldLayout ",
            ns!(),
            " type=\"blank\" preserve=\"1\"><p:cSld name=\"Blank\">",
            empty_tree!(),
            "</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
        ),
    ),
    ("ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels!("rId1" "slideMaster" "../slideMasters/slideMaster1.xml")),
    (
        "ppt/theme/theme1.xml",
        concat!(
            header!(),
            "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"FTZ Atlas\"><a:themeElements>\
             <a:clrScheme name=\"FTZ Atlas\"><a:dk1><a:srgbClr val=\"1A1A1A\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>\
             <a:dk2><a:srgbClr val=\"5C5C5C\"/></a:dk2><a:lt2><a:srgbClr val=\"E4E4E4\"/></a:lt2>\
             <a:accent1><a:srgbClr val=\"1F5F9E\"/></a:accent1><a:accent2><a:srgbClr val=\"B84F00\"/></a:accent2>\
             <a:accent3><a:srgbClr val=\"007A5A\"/></a:accent3><a:accent4><a:srgbClr val=\"8E4F7A\"/></a:accent4>\
             <a:accent5><a:srgbClr val=\"5C5C5C\"/></a:accent5><a:accent6><a:srgbClr val=\"8A8A8A\"/></a:accent6>\
             <a:hlink><a:srgbClr val=\"1F5F9E\"/></a:hlink><a:folHlink><a:srgbClr val=\"8E4F7A\"/></a:folHlink></a:clrScheme>\
             <a:fontScheme name=\"FTZ Atlas\">",
            font!("majorFont"),
            font!("minorFont"),
            "</a:fontScheme><a:fmtScheme name=\"FTZ Atlas\"><a:fillStyleLst>",
            solid_ph!(),
            solid_ph!(),
            solid_ph!(),
            "</a:fillStyleLst><a:lnStyleLst><a:ln w=\"9525\">",
            solid_ph!(),
            "</a:ln><a:ln w=\"9525\">",
            solid_ph!(),
            "</a:ln><a:ln w=\"9525\">",
            solid_ph!(),
            "</a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle>\
             <a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
             <a:bgFillStyleLst>",
            solid_ph!(),
            solid_ph!(),
            solid_ph!(),
            "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
        ),
    ),
    ("ppt/presProps.xml", concat!(header!(), "<p:presentationPr ", ns!(), "/>")),
    (
        "ppt/viewProps.xml",
        concat!(header!(), "<p:viewPr ", ns!(), "><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>"),
    ),
    (
        "ppt/tableStyles.xml",
        concat!(
            header!(),
            "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
             def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>"
        ),
    ),
];
