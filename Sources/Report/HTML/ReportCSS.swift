/// The report's only stylesheet, inline so the file opens offline and survives being mailed.
/// Fonts are local ones only: a CJK face on each platform, then the system sans-serif.
enum ReportCSS {
    static let css: StaticString = """
    :root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee4; --accent: #2f6fb5; --up: #b8403a; --down: #2f7d4f; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #f5f7fa;
      font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; line-height: 1.6; }
    main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
    header.report { border-bottom: 3px solid var(--accent); margin-bottom: 20px; padding-bottom: 8px; }
    h1 { font-size: 26px; margin: 0; }
    h2 { font-size: 18px; margin: 28px 0 10px; padding-left: 10px; border-left: 4px solid var(--accent); }
    .meta, .note { color: var(--muted); font-size: 13px; margin: 4px 0; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: #fbfcfd; }
    .card .label { color: var(--muted); font-size: 13px; }
    .card .value { font-size: 24px; font-weight: 700; white-space: nowrap; }
    .card .unit { font-size: 13px; font-weight: 400; color: var(--muted); margin-left: 4px; }
    .card .sub { font-size: 13px; }
    .up { color: var(--up); } .down { color: var(--down); } .flat { color: var(--muted); }
    figure { margin: 0 0 8px; }
    figcaption { font-weight: 700; margin-bottom: 4px; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg.chart text { font-size: 12px; fill: var(--ink); }
    svg.chart .tick, svg.chart .unit { fill: var(--muted); }
    svg.chart .grid { stroke: #e6e9ee; stroke-width: 1; }
    svg.chart .axis { stroke: #9aa5b1; stroke-width: 1; }
    svg.chart .inbar { fill: #fff; font-size: 13px; font-weight: 700; }
    svg.chart .empty-frame { fill: #fafafa; stroke: var(--line); }
    svg.chart .empty-label { font-size: 16px; fill: var(--muted); }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #eaf1f8; white-space: nowrap; }
    td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.error td.severity { color: var(--up); font-weight: 700; }
    tr.warning td.severity { color: #a86400; }
    tr.info td.severity { color: var(--muted); }
    .ok { color: var(--down); }
    footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
    @page { size: A4; margin: 12mm; }
    @media print {
      body { background: #fff; font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      .card, figure, tr { break-inside: avoid; }
      .cards { grid-template-columns: repeat(3, 1fr); }
      th { background: #eaf1f8 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      svg.chart path, .card { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
