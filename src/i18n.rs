//! Every user-facing text of the app, in Chinese and English, in one place.
//!
//! `Text` is an enum and `t` an exhaustive match returning both languages at once, so a text
//! missing in either language does not compile; a test checks that none is empty.
//! Names of metrics and scopes are data (`assets/data/dictionary.csv`), not here.

pub use crate::lang::Lang;

mod words;
pub use words::{colon, fill, issue_message, qualifier_sign, qualifier_word, unit_name};

macro_rules! texts {
    ($($name:ident => $zh:expr, $en:expr;)*) => {
        /// A fixed text of the interface or of a chart.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($name),* }

        impl Text {
            /// Every text, for the completeness test.
            pub const ALL: &'static [Text] = &[$(Text::$name),*];

            /// The text in `lang`.
            pub fn t(self, lang: Lang) -> &'static str {
                let (zh, en) = match self { $(Text::$name => ($zh, $en)),* };
                match lang { Lang::Zh => zh, Lang::En => en }
            }
        }
    };
}

texts! {
    AppTitle => "重庆自贸试验区数据图鉴", "FTZ Atlas";
    AppSubtitle => "中国（重庆）自由贸易试验区：外贸、新能源汽车出口、制度创新、企业与三个片区。每个数字都注明出处与原文。",
        "The China (Chongqing) Pilot Free Trade Zone in figures: foreign trade, new-energy-vehicle exports, institutional innovation, enterprises and its three areas. Every figure carries its source and the exact quote.";
    SwitchLanguage => "English", "中文";
    SwitchLanguageLabel => "Switch to English", "切换到中文";
    SkipToCharts => "跳到图表", "Skip to the charts";
    ThemeToDark => "深色", "Dark";
    ThemeToLight => "浅色", "Light";
    ThemeToDarkLabel => "切换到深色主题", "Switch to the dark theme";
    ThemeToLightLabel => "切换到浅色主题", "Switch to the light theme";
    Download => "下载", "Download";
    DownloadLabel => "下载此图或其数据", "Download this chart or its figures";
    ExportPng1 => "PNG 图片（1倍）", "PNG image (1×)";
    ExportSlide1080 => "幻灯片 1920×1080", "Slide 1920×1080";
    ExportSlide720 => "幻灯片 1280×720", "Slide 1280×720";
    ExportPng2 => "PNG 图片（2倍）", "PNG image (2×)";
    ExportPng4 => "PNG 图片（4倍）", "PNG image (4×)";
    CopyImage => "复制图片（可粘贴到幻灯片）", "Copy image (paste into a slide)";
    ExportSvg => "SVG 矢量图", "SVG image";
    ExportCsv => "CSV 数据", "CSV data";
    ExportJson => "JSON 数据", "JSON data";
    ExportPptx => "PowerPoint（可编辑图表）", "PowerPoint (editable)";
    EmbedCode => "嵌入代码", "Embed code";
    EmbedCodeLabel => "把这段代码粘贴到你的网页，图表会按内容自动调整高度", "Paste this into your page; the frame takes the chart's height";
    Present => "演示", "Present";
    PresentLabel => "全屏演示：每张幻灯片一个图表", "Present: one chart per full-screen slide";
    DeckDownload => "全部图表（PPT）", "Deck of all charts";
    DeckDownloadLabel => "全部图表（PPT）：下载 PowerPoint 演示文稿，含全部可编辑图表及来源与原文", "Deck of all charts: download a PowerPoint of every chart (editable) with its sources and quotes";
    PresentationRole => "幻灯片", "slide";
    PresentPrev => "上一张", "Previous slide";
    PresentNext => "下一张", "Next slide";
    PresentExit => "退出演示", "Leave";
    PresentationKeys => "← → 翻页 · Esc 退出", "← → to move · Esc to leave";
    ShowTable => "表格", "Table";
    ShowChart => "图表", "Chart";
    ShowTableLabel => "以表格显示此图的数字", "Show this chart's figures as a table";
    ShowChartLabel => "显示图表", "Show the chart";
    SeriesToggles => "显示或隐藏系列", "Show or hide series";
    ChartKeys => "图表：方向键逐个浏览数据点，回车查看来源，Esc 退出", "Chart: arrow keys move between data points, Enter opens the source, Escape leaves";
    ColMetric => "指标", "Metric";
    ColScope => "范围", "Scope";
    ColPeriod => "时期", "Period";
    ColValue => "数值", "Value";
    ColKind => "类型", "Kind";
    ColSource => "来源", "Source";
    KindPublished => "公布值", "published";
    HeadlineHeading => "2023年一览", "2023 at a glance";
    HeadlineNote => "数字来自重庆市人民政府2024年3月向市人大常委会所作报告。", "Figures from the Chongqing government's report to the municipal people's congress, March 2024.";
    CardNewEnterprises => "新增注册企业", "new registered enterprises";
    CardTradeShare => "外贸进出口总额占全市比重", "of Chongqing's foreign trade";
    CardNevExports => "出口新能源汽车", "new-energy vehicles exported";
    CardNevGrowth => "同比增长", "year on year";
    CardReplicated => "项制度创新成果在全市复制推广（2023年7月以来）", "institutional innovations replicated citywide (since July 2023)";
    ChartsHeading => "图表", "Charts";

    TradeTitle => "自贸试验区外贸进出口占全市比重", "The FTZ's share of Chongqing's foreign trade";
    TradeSubtitle => "官方表述的比重，超、近、约均照原文；下图为全市外贸总额与由此推算的自贸试验区外贸额界限",
        "Shares as officially stated, with their qualifiers; below, Chongqing's total foreign trade and the FTZ trade bounds derived from it";
    TradePanelShare => "占全市外贸进出口总额的比重", "Share of Chongqing's total imports and exports";
    TradePanelTotal => "重庆市外贸进出口总额与自贸试验区推算界限", "Chongqing's foreign trade, and bounds for the FTZ derived from the shares";
    SeriesCityTrade => "全市外贸总额", "Chongqing total";
    SeriesFtzBound => "自贸试验区（推算界限）", "FTZ (derived bound)";
    SeriesShare => "自贸试验区占比", "FTZ share";

    NevTitle => "新能源汽车出口", "New-energy-vehicle exports";
    NevSubtitle => "自贸试验区出口量（辆）与全市汽车出口额（亿元）分开绘制：辆与元不共用一个坐标轴",
        "FTZ exports in vehicles and Chongqing's car exports in yuan are drawn apart: vehicles and yuan never share an axis";
    NevPanelUnits => "自贸试验区新能源汽车出口量", "FTZ new-energy-vehicle exports";
    NevPanelValue => "重庆市汽车出口额", "Chongqing's car exports by value";
    SeriesFtzNev => "自贸试验区新能源汽车", "FTZ new-energy vehicles";
    SeriesCityVehicles => "全市汽车（全部）", "Chongqing, all cars";
    SeriesCityEv => "全市电动汽车", "Chongqing, electric vehicles";

    InnovTitle => "制度创新成果", "Institutional-innovation outcomes";
    InnovSubtitle => "总体方案151项改革试点任务的落实进度，累计与新增的制度创新成果，以及入选全国的最佳实践案例",
        "Progress on the Overall Plan's 151 reform tasks, cumulative and new innovation outcomes, and cases selected as national best practice";
    InnovPanelTasks => "总体方案改革试点任务落实（共151项）", "Overall Plan reform tasks implemented (of 151)";
    InnovPanelOutcomes => "制度创新成果", "Innovation outcomes";

    EntTitle => "企业与外资", "Enterprises and investment";
    EntSubtitle => "自贸试验区新增注册企业，以及其占全市新设企业、外资企业和利用外资的比重",
        "New enterprises registered in the FTZ, and its published shares of the city's new enterprises, foreign-invested enterprises and foreign capital";
    EntPanelNew => "自贸试验区新增注册企业（当年）", "New registered enterprises in the FTZ (per year)";
    EntPanelCumulative => "自挂牌以来累计", "Cumulative since the launch in April 2017";
    EntPanelShares => "占全市的比重", "Share of the city's total";
    SeriesNewEnterprises => "新增注册企业", "New registered enterprises";

    AreaTitle => "三个片区", "The three areas";
    AreaSubtitle => "两江、西永、果园港片区的面积，每个片区已公布与未公布的数字，以及三个片区逐项并列",
        "Area of the Liangjiang, Xiyong and Guoyuangang areas, which figures are published for each, and the three side by side, metric by metric";
    AreaPanelArea => "面积（平方公里，2017年总体方案）", "Area (km², 2017 Overall Plan)";
    AreaPanelMatrix => "各片区已公布的数字", "Figures published for each area";
    AreaBondedInside => "其中保税区域", "of which bonded zones";
    MatrixArea => "面积", "Area";
    MatrixTrade => "外贸", "Trade";
    MatrixNev => "新能源汽车出口", "NEV exports";
    MatrixEnterprises => "市场主体/企业", "Enterprises";
    MatrixForeignCapital => "利用外资", "Foreign capital";
    MatrixInnovation => "制度创新", "Innovation";
    NotPublished => "未公布", "not published";
    AreaPanelSideBySide => "三个片区并列（各取最新一期数字）", "The three areas side by side (the latest figure of each)";
    SideBySideMissing => "以下指标没有片区数据：", "No figures for any of the areas: ";
    OtherUnitNote => "单位不同，未按此比例尺绘制", "another unit, not drawn to this scale";
    BarInnerNote => "深色为其中：", "Dark part: ";
    OtherSourceNote => "另一来源：{}（见来源）", "another source gives {} (see sources)";

    LegendExact => "公布值", "Published";
    LegendMoreThan => "超过（下限）", "More than (lower bound)";
    LegendLessThan => "不足（上限）", "Less than (upper bound)";
    LegendApprox => "近/约", "Nearly / about";
    LegendDerived => "推算值（由公布数字计算）", "Derived (computed from published figures)";
    LegendPartYear => "部分月份", "Part of the year";
    LegendNoData => "无数据", "No data";
    LegendUndated => "日期不详", "Undated";
    LegendImported => "你导入的数据", "Your imported figures";
    ImportedMarker => "*", "*";
    ImportedFile => "导入文件 {1}", "Imported file {1}";
    ImportedParen => "（导入数据）", " (imported)";
    ThinnedNote => "显示 {1} / {2} 个数字：每段只保留最低和最高值，不作平均", "showing {1} of {2} figures: the lowest and highest of each interval, nothing averaged";
    ThinnedCellNote => "显示 {1} / {2} 个数字：每格最多列出{3}个，并注明总数", "showing {1} of {2} figures: at most {3} listed per cell, with the count of all";
    Lowest => "最低", "lowest";
    Highest => "最高", "highest";
    Latest => "最新", "latest";
    Derived => "推算", "derived";
    DerivedParen => "（推算）", " (derived)";
    NoDataFor => "无数据：", "no data for ";
    PublishedFor => "已公布：", "published: ";
    NoData => "无数据", "no data";

    SourceLabel => "来源", "Source";
    SourcesDetails => "查看来源与原文", "Sources and quotes";
    QuoteLabel => "原文", "Quote";
    FormulaLabel => "计算", "Computed as";
    NoteLabel => "说明", "Note";
    PublishedLabel => "发布", "Published";
    ChartFailed => "图表无法绘制", "The chart could not be drawn";
    PanicMessage => "页面出现内部错误，已停止更新。", "Something went wrong inside the page and it stopped updating. ";
    Reload => "重新加载", "Reload";
    IssueAtLine => "{1} 第{2}行", "{1}, line {2}";
    IssueAtCell => "{1} 第{2}行 {3}列", "{1}, line {2}, column {3}";
    IssueMissingColumn => "缺少此列", "this column is missing from the header";
    IssueEmpty => "不能为空", "must not be empty";
    IssueBadId => "编号“{1}”只能含小写字母、数字和下划线", "id “{1}” may contain only a–z, 0–9 and _";
    IssueDuplicate => "“{1}”重复", "“{1}” appears twice";
    IssueUnknownMetric => "未知指标“{1}”（模板中列出了可用的指标）", "unknown metric “{1}” (the template lists the known ones)";
    IssueUnknownScope => "未知范围“{1}”（模板中列出了可用的范围；新的范围须在 scope_zh / scope_en 中写名称）", "unknown scope “{1}” (the template lists the known ones; a new scope needs its names in scope_zh / scope_en)";
    IssueUnknownUnit => "未知单位“{1}”，应为 {2}", "unknown unit “{1}”; expected one of {2}";
    IssueUnknownQualifier => "未知限定词“{1}”，应为 exact、more_than、at_least、less_than、nearly 或 about",
        "unknown qualifier “{1}”; expected exact, more_than, at_least, less_than, nearly or about";
    IssueUnknownSource => "来源“{1}”不在 sources.csv 中", "source “{1}” is not in sources.csv";
    IssueUnknownTermKind => "类别“{1}”应为 metric 或 scope", "kind “{1}” should be metric or scope";
    IssueBadPeriod => "时期“{1}”无法识别，应为 2023、2025-01..2025-10、asof:2020-03-31、stated:2018-12 或 undated",
        "period “{1}” does not parse; expected 2023, 2025-01..2025-10, asof:2020-03-31, stated:2018-12 or undated";
    IssueBadValue => "数值“{1}”应为纯数字（如 7137.4）或分数（如 2/3），不带千位符或限定符号",
        "value “{1}” should be a plain number (7137.4) or a fraction (2/3), without separators or qualifier signs";
    IssueValueAndFormula => "公布值和计算公式只能有一个", "give either a value or a formula, not both";
    IssueNoValue => "既无数值也无计算公式", "has neither a value nor a formula";
    IssueBadFormula => "公式第{1}个字符处应为{2}", "formula: expected {2} at character {1}";
    IssueUnresolvedRef => "公式引用的“{1}”不存在", "formula refers to “{1}”, which does not exist";
    IssueCycle => "公式循环引用自身", "formula depends on itself";
    IssueNotFinite => "公式的结果不是有限数（如除以零）", "formula gives no finite number (division by zero?)";
    IssueNegative => "数值 {1} 为负数：单位为 {2} 的数量不能为负，只有同比增长率（单位 pct_yoy 或指标 …_yoy）可以",
        "value {1} is negative: a quantity in {2} cannot be; only a year-on-year rate (unit pct_yoy or a …_yoy metric) can";
    IssueBadDate => "日期“{1}”应为 YYYY、YYYY-MM 或 YYYY-MM-DD", "date “{1}” should be YYYY, YYYY-MM or YYYY-MM-DD";
    IssueNoRows => "文件没有数据行", "the file has no data rows";
    AboutCounts => "共{1}个数字，{2}个来源（含导入的文件）。", "{1} figures from {2} sources (imported files included).";
    OfficeUnavailable => "无法生成 PowerPoint 文件：写入模块（office.wasm）未能载入或运行。请检查网络后重试。", "Could not make the PowerPoint file: its writer (office.wasm) did not load or run. Check the connection and try again.";
    OfficeTooLarge => "无法生成 PowerPoint 文件：演示文稿超过 ZIP 文件的大小上限。", "Could not make the PowerPoint file: the presentation is too large for a ZIP file.";
    CopyFailed => "无法复制图片（浏览器不允许写入剪贴板）；请改为下载 PNG。", "Could not copy the image (the browser refused the clipboard); download a PNG instead.";
    ImportHeading => "你的数据", "Your figures";
    ImportIntro => "把你自己的数字（例如各片区的数字）放进同样的图表：导入 CSV 或 JSON 文件，格式见模板。文件只在你的浏览器中读取，不会上传。", "Put your own figures (for example per 片区) into the same charts: import a CSV or JSON file in the template's format. The file is read in your browser only; nothing is uploaded.";
    ImportChoose => "选择文件…", "Choose a file…";
    ImportDrop => "或把文件拖放到本页任意位置（CSV、TSV、JSON 或 Excel 的 .xlsx，最大 20 MB）", "or drop it anywhere on this page (CSV, TSV, JSON or an Excel .xlsx, up to 20 MB)";
    ImportTemplate => "下载模板（CSV）", "Download the template (CSV)";
    ImportDatasetCsv => "下载全部数字（CSV）", "Download all figures (CSV)";
    ImportDatasetJson => "下载完整数据集（JSON）", "Download the whole dataset (JSON)";
    ImportReading => "正在读取并检查 {1}…", "Reading and checking {1}…";
    ImportReady => "{1}：{2} 个数字检查无误（{3}）。添加后会出现在图表中，并标为你导入的数据。", "{1}: {2} figures checked, no problems ({3}). Once added they appear in the charts, marked as your imported figures.";
    ImportAlreadyLoaded => "另有 {1} 行与已载入的数字完全相同，已跳过。", "{1} more rows are identical to figures already loaded and were skipped.";
    ImportNewScopes => "文件带来的新范围（会出现在片区图中）：{1}", "New scopes from the file (they appear in the 片区 chart): {1}";
    ImportAdd => "添加到图表", "Add to the charts";
    ImportCancel => "取消", "Cancel";
    ImportFailed => "{1}：发现 {2} 个问题，未导入任何数字，图表保持不变。", "{1}: {2} problems found; nothing was imported and the charts are unchanged.";
    ImportFailedOne => "{1}：发现 1 个问题，未导入任何数字，图表保持不变。", "{1}: 1 problem found; nothing was imported and the charts are unchanged.";
    ImportMoreIssues => "另有 {1} 个问题未列出（见完整报告）。", "{1} more problems not listed (see the full report).";
    ImportDownloadReport => "下载完整报告", "Download the full report";
    ImportDismiss => "关闭", "Dismiss";
    ImportLoaded => "已导入的文件", "Imported files";
    ImportCount => "{1} 个数字", "{1} figures";
    ImportRemove => "移除", "Remove";
    ImportRemoveLabel => "移除 {1} 的数字", "Remove the figures of {1}";
    ImportReset => "恢复为已公布的数据", "Reset to the published data";
    ImportKeep => "在此浏览器中保留我导入的数字（存于本机 localStorage）", "Keep my imported figures in this browser (stored locally in localStorage)";
    StorageFull => "无法在此浏览器中保存（存储空间不足或被禁用）；数字仍在本页中。", "Could not keep the figures in this browser (storage full or disabled); they are still on this page.";
    StorageRestoreFailed => "此浏览器中保存的 {1} 无法恢复，已忽略。", "The saved {1} could not be restored and was ignored.";
    UrlIgnored => "地址中的参数无效，已使用默认值：{1}", "Invalid address parameters were ignored and the defaults used: {1}";
    NoticeDismiss => "知道了", "OK";
    TemplateIntro => "FTZ Atlas 导入模板：每行一个数字；以 # 开头的行在导入时被忽略；value 为纯数字（不带千位符），或留空并在 formula 中写公式；只有同比增长率可以为负", "FTZ Atlas import template: one figure a row; lines starting with # are ignored; value is a plain number (no separators), or empty with a formula; only a growth rate may be negative";
    TemplatePeriods => "period：2023 | 2025-01..2025-10（部分年份或累计区间）| asof:2020-03-31（截至）| stated:2018-12（发布日期，数据年份未说明）| undated", "period: 2023 | 2025-01..2025-10 (part-year or cumulative span) | asof:2020-03-31 (as of) | stated:2018-12 (date stated, data year not given) | undated";
    TemplateNewScope => "新的范围（如联动创新区、区县）：在 scope 中写一个新的键（小写字母、数字、下划线），并至少在它的第一行的 scope_zh / scope_en 中写名称", "A new scope (a linked innovation zone, a district): write a new key in scope (a-z, 0-9, _) and its names in scope_zh / scope_en, at least on its first row";
    TemplateExamples => "示例（已公布的数字，仅供参照格式；去掉开头的 # 才会导入）", "Examples (published figures, to show the form; remove the leading # to import them)";
    IssueTooLarge => "文件有 {1} MB，超过 {2} MB 的上限", "the file is {1} MB, over the {2} MB limit";
    IssueNotText => "不是可导入的文件（如旧版 .xls 表格、图片）；请另存为 .xlsx、CSV（UTF-8）或 JSON", "not a file that can be imported (an old .xls spreadsheet or an image?); save it as .xlsx, CSV (UTF-8) or JSON";
    IssueXlsxNotArchive => "不是有效的 Excel 工作簿（.xlsx）：文件已损坏，或并非 .xlsx", "not a valid Excel workbook (.xlsx): the file is damaged or is not an .xlsx";
    IssueXlsxUnsupported => "工作簿中的 {1} 使用了不支持的压缩或加密；请另存为普通 .xlsx 或 CSV", "the workbook's part {1} is compressed or encrypted in a way that is not supported; save it as a plain .xlsx or as CSV";
    IssueXlsxCorrupt => "工作簿中的 {1} 无法解压（文件已损坏，或解压后超过 100 MB）", "the workbook's part {1} does not unpack (it is damaged, or over 100 MB unpacked)";
    IssueXlsxMissing => "工作簿缺少 {1}", "the workbook has no {1}";
    IssueXlsxNoSheet => "工作簿中没有工作表", "the workbook has no sheet";
    IssueUtf16 => "文件是 UTF-16 编码；请另存为 CSV（UTF-8）", "the file is UTF-16; save it as CSV (UTF-8)";
    IssueNotUtf8 => "此行不是 UTF-8 编码（可能是 GBK）；请另存为 CSV（UTF-8）", "this line is not UTF-8 (GBK?); save the file as CSV (UTF-8)";
    IssueAlreadyInDataset => "编号“{1}”已被数据集中另一个数字使用", "id “{1}” is already used by a different figure in the dataset";
    IssueDuplicateRow => "与第{1}行是同一个数字（重复行）", "the same figure as line {1} (duplicate row)";
    IssueBadJson => "JSON 无法读取：此处应为{1}", "cannot read the JSON: expected {1}";
    JsonValue => "一个值（文本、数字、对象、数组、true、false 或 null；不能是 NaN 或 Infinity）", "a value: text, a number, an object, an array, true, false or null (not NaN or Infinity)";
    JsonEarlyEnd => "更多内容：文件提前结束（可能被截断）", "more: the file ends too early (cut off?)";
    JsonKey => "带引号的键名", "a quoted key";
    JsonColon => "冒号“:”", "`:`";
    JsonCommaOrBrace => "逗号“,”或“}”", "`,` or `}`";
    JsonCommaOrBracket => "逗号“,”或“]”", "`,` or `]`";
    JsonEnd => "文件结尾（后面有多余的内容）", "the end of the file (there is more after the data)";
    JsonNumber => "数字（不以多余的 0 开头）", "a number (without leading zeros)";
    JsonFraction => "小数点后的数字", "digits after the decimal point";
    JsonExponent => "指数中的数字", "digits in the exponent";
    JsonClosingQuote => "右引号", "a closing `\"`";
    JsonNoLineBreak => "右引号（文本中不能直接换行，请写作 \\n）", "a closing `\"` (text may not contain line breaks; write \\n)";
    JsonEscape => "转义序列，如 \\n、\\\" 或 \\u4E2D", "an escape such as \\n, \\\" or \\u4E2D";
    JsonHex => "四位十六进制数字", "four hex digits";
    JsonSurrogate => "代理对的后半部分（\\uDC00–\\uDFFF）", "the second half of a surrogate pair (\\uDC00–\\uDFFF)";
    JsonUtf8 => "UTF-8 文本", "UTF-8 text";
    JsonNesting => "嵌套不超过 64 层的数据", "data nested at most 64 levels deep";
    JsonFiguresArray => "“figures”后面的数组", "an array after \"figures\"";
    JsonTopLevel => "数字数组，或含“figures”数组的对象", "an array of figures, or an object with a \"figures\" array";
    JsonFigureObject => "包含该数字各字段的对象", "an object with the figure's fields";
    JsonTextOrNumber => "文本、数字或 null", "text, a number or null";
    JsonNoNul => "不含 NUL 字符的文本", "text without NUL characters";
    IssueUnclosedQuote => "引号没有闭合", "a quoted field is never closed";
    IssueTextAfterQuote => "右引号后、分隔符前还有字符", "text after a closing quote";
    IssueFieldCount => "应有{1}个字段，实有{2}个", "expected {1} fields, found {2}";
    IssueRow => "无法读取此行：{1}", "cannot read this row: {1}";
    DataBroken => "内置数据集未通过校验，无法显示图表：", "The embedded dataset failed validation; charts cannot be shown:";

    AboutHeading => "关于数据", "About the data";
    AboutCoverage => "数据集收录重庆市人民政府2024年报告中的全部数字，以及政府网站和新闻报道中公开的相关数字，每个数字都附有出处、日期、网址和原文。",
        "The dataset holds every figure of the Chongqing government's 2024 report, plus related figures from government pages and news reports, each with its source, date, address and the exact quote.";
    AboutGaps => "尚缺：自贸试验区外贸进出口的绝对额（各年均未公布，只有比重）、2017—2020年及2022、2024年的新增企业数、2023年以外的新能源汽车出口量、2021年以后的累计制度创新成果，以及各片区的外贸、外资和企业数。缺失的年份在图中留空并标注“无数据”，不作零处理。",
        "Missing: the FTZ's absolute foreign-trade value (never published; only shares are), new enterprises for 2017–2020, 2022 and 2024, NEV exports for any year but 2023, cumulative innovation outcomes after 2021, and trade, investment and enterprise figures per area. Missing years are left empty and marked \"no data\", never drawn as zero.";
    AboutQualifiers => "标注方式：实心为公布的确切值；带向上箭头的为“超过”（下限），向下箭头为“不足”（上限）；空心为“近”或“约”；斜线填充为推算值（由公布数字按公式计算，不是公布值）；虚线框为部分月份；数据年份不详的表述按发布日期放置并注明。",
        "How qualifiers are drawn: solid marks are exact published values; an upward arrow means \"more than\" (a lower bound), a downward arrow \"less than\" (an upper bound); hollow marks are \"nearly\" or \"about\"; hatched marks are derived (computed from published figures by a stated formula, not published); dashed outlines are part-year figures; statements whose data year is not given are placed at the date they were made and labelled so.";
    AboutConflicts => "冲突照录：自贸试验区总面积多数来源为119.98平方公里，中国政府网英文版为111.98（疑为笔误）；西永综合保税区2017年为8.8平方公里，2024年的介绍为规划面积7.58平方公里；“全市1.46%的面积”按面积计算应为1.46‰，“不足千分之一”实为约0.146%。2024年全市外贸总额公布值7,154.2亿元与由2025年增速推算的7,148.9亿元在四舍五入范围内一致，并非冲突。",
        "Conflicts are kept: most sources give the FTZ's area as 119.98 km², english.gov.cn gives 111.98 (probably a typo); the Xiyong bonded zone is 8.8 km² in 2017 and a planned 7.58 km² in a 2024 profile; \"1.46% of the city's area\" works out to 1.46‰, and \"less than a thousandth\" is in fact about 0.146 %. Chongqing's 2024 trade, published as 715.42 bn yuan, and the 714.89 bn implied by the 2025 growth rate agree within rounding: not a conflict.";
    AboutDataset => "数据集：assets/data/figures.csv（数字）、sources.csv（来源）、dictionary.csv（中英文名称）。", "Dataset files: assets/data/figures.csv (figures), sources.csv (sources), dictionary.csv (names in both languages).";
    Footer => "FTZ Atlas · 数字照录原文，不作估算或平滑。", "FTZ Atlas · figures as published; nothing estimated or smoothed.";
    OfficeCategory => "类别", "Category";
    OfficeUndated => "未注明日期", "undated";
    OfficeTotal => "总数", "Total";
    OfficeOtherSource => "其他来源的数值", "Other sources' value";
    OfficeKey => "图例：斜线填充为推算值，虚线边框为部分年份，空心为下限或上限（超、至少、不足）；数据标签照录原文的限定词；空白为无数据，不是零。图表可编辑：右键“编辑数据”。", "Key: hatched = derived; dashed outline = part of a year; hollow = a bound (more than, at least, less than); labels carry the published qualifiers; a blank is no data, not zero. The chart is editable: right-click, Edit Data.";
    OfficePicture => "此面板为图片：它的格子或小图不在同一数值坐标上，做成可编辑图表会误导。数值见网页上的表格与 CSV。", "This panel is a picture: its cells or small charts are not values on one scale, so an editable chart would mislead. The figures are in the page's table and CSV.";
    DeckTitle => "重庆自贸试验区数据图鉴", "FTZ Atlas: the China (Chongqing) Pilot Free Trade Zone in figures";
    DeckSubtitle => "全部图表，数字照录原文，附来源与原文引文", "Every chart, figures as published, with their sources and quotes";
    DeckSources => "来源与原文", "Sources and quotes";
    ComputationRange => "{1} ≈ {2}；输入值经过四舍五入，故实际值在{3}–{4}之间", "{1} ≈ {2}; inputs rounded, so {3}–{4}";
    ComputationBoundRange => "{1} ≈ {2}；输入值经过四舍五入，故此界限在{3}–{4}之间", "{1} ≈ {2}; inputs rounded, so the bound lies in {3}–{4}";
    ComputationExact => "{1} = {2}（输入值均为确切数字）", "{1} = {2} (exact inputs)";
    CitationNoDate => "无日期", "n.d.";
    FinderHeading => "查找数字", "Find a figure";
    FinderIntro => "数据集中的每个数字（包括你导入的）都可以在这里找到：输入指标、范围、时期、数值或来源的一部分，中英文均可。", "Every figure of the dataset, yours included: type part of its metric, scope, period, value or source, in Chinese or English.";
    FinderSearch => "搜索数字", "Search the figures";
    FinderPlaceholder => "例如：新能源 2023、FDI、超60%", "e.g. NEV 2023, FDI, 60%";
    FinderChart => "图表", "Chart";
    FinderAllCharts => "全部图表", "All charts";
    FinderScope => "范围", "Scope";
    FinderAllScopes => "全部范围", "All scopes";
    FinderQualifier => "表述", "Qualifier";
    FinderAllQualifiers => "全部表述", "All qualifiers";
    FinderSortBy => "排序", "Sort by";
    FinderSortDataset => "数据集顺序", "Dataset order";
    FinderSortMetric => "指标", "Metric";
    FinderSortPeriod => "时期", "Period";
    FinderSortValue => "数值（同类数字之间）", "Value (within each kind)";
    FinderSortSource => "来源", "Source";
    FinderCount => "找到 {1} 个数字，显示前 {2} 个", "{1} figures found, showing {2}";
    FinderCountAll => "找到 {1} 个数字", "{1} figures found";
    FinderNone => "没有符合条件的数字。", "No figure matches.";
    FinderShowMore => "再显示 {1} 个", "Show {1} more";
    FinderCopyCitation => "复制引用", "Copy citation";
    FinderCopied => "引用已复制到剪贴板", "Citation copied to the clipboard";
    FinderCopyFailed => "无法复制：浏览器拒绝了剪贴板", "Could not copy: the browser refused the clipboard";
    FinderPermalink => "此数字的链接", "Link to this figure";
    FinderFindThis => "在查找中打开此数字", "Find this figure";
    FinderCitation => "引用", "Citation";
    FinderKind => "类型", "Kind";
    QualifierExactName => "确切数字", "exact";
    QualifierMoreThanName => "超过（下限）", "more than (lower bound)";
    QualifierAtLeastName => "至少（下限）", "at least (lower bound)";
    QualifierLessThanName => "不足（上限）", "less than (upper bound)";
    QualifierNearlyName => "近", "nearly";
    QualifierAboutName => "约", "about";
    SpanNote => "横线表示累计时段（如“三年多来”），点在时段中间：不是某一年的数字", "A horizontal bar is a cumulative span (\"over three-plus years\"), its point at the middle: not one year's figure";
    CumulativeShareNote => "带时段的比重（如“三年多来”）是累计值，不是与年度比重同一序列的数字", "A share over a span (\"over three-plus years\") is cumulative, not one of the annual shares";
    BoundsNotTrend => "上限（不足）与下限（超过）是不同种类的界限：相邻两年之间看不出涨跌", "A ceiling (less than) next to a floor (more than): bounds of different kinds show no rise or fall";
    UnconfirmedNote => "日期不详，口径未经证实：不是上方79项的后续", "Undated, and not confirmed to count the same thing: not a sequel to the 79 above";
    ScopesMoreNote => "另有 {1} 个导入的范围未画出：用图表上方的按钮翻页或在筛选框中输入名称；表格与 CSV/JSON 下载包含全部范围", "{1} more imported scopes not drawn: page through them with the buttons above the chart or type a name in the filter; the table and the CSV/JSON downloads hold them all";
    ScopesPageNote => "显示导入的范围第 {1}–{2} 个，共 {3} 个", "showing imported scopes {1}–{2} of {3}";
    ScopesPager => "翻页查看导入的范围", "Page through the imported scopes";
    ScopesPrevious => "上 {1} 个", "Previous {1}";
    ScopesNext => "下 {1} 个", "Next {1}";
    ScopesFirst => "第一页", "First page";
    ScopesLast => "最后一页", "Last page";
    ScopesAllInTable => "在表格中查看全部 {1} 个", "All {1} in the table";
    ScopesGroups => "导入的范围按文件分组：", "Imported scopes by file: ";
    ScopesInFile => "{1}（{2} 个）", "{1} ({2})";
    TablePager => "表格分页", "Table pages";
    TablePrevious => "‹ 前 {1} 行", "‹ Previous {1} rows";
    TableNext => "后 {1} 行 ›", "Next {1} rows ›";
    TableRange => "共 {1} 行，显示第 {2}–{3} 行", "{1} rows, showing {2}–{3}";
    TablePublishedScopes => "片区与已发布的范围", "The 片区 and the published scopes";
    AreaPanelSeries => "各范围逐年数字（每个范围一张小图，同一指标共用刻度）", "Each scope's figures by year (one small chart per scope, a shared scale per metric)";
    ScopeFilterLabel => "筛选范围", "Filter scopes";
    ScopeFilterPlaceholder => "输入区县或范围名称", "type a district or scope name";
    SeriesYears => "{1}–{2}年", "{1}–{2}";
    ImportScopesMore => "等，另有 {1} 个", " and {1} more";
    ImportAdding => "正在把数字加入图表：{1}%", "Adding the figures to the charts: {1}%";
    NeedsJavaScript => "图表与来源无需脚本即可阅读；切换语言与主题、表格、悬停提示、下载和导入数据需要启用 JavaScript。", "The charts and their sources read without scripts; switching language or theme, tables, tooltips, downloads and importing figures need JavaScript.";
}
