import SheetModel

/// One sheet as the layout readers see it, built once per sheet: merged areas resolved for the
/// header zone, and each text cell of the first rows labelled (§4) and matched at most once. Both
/// layouts, the header search (which tries every row as a header) and the data rows look at the
/// same cells; normalising and matching them again each time was most of validation's cost.
final class SheetGrid {
    let sheet: SheetData
    let matcher: LabelMatcher
    /// Rows with an index below this are cached; the layouts look for headers above row 30.
    static let cachedRows: UInt32 = 30
    private let cachedCount: Int
    /// Merged areas reaching into the header zone, clipped to it. Few per sheet: scanning them is
    /// cheaper than the cell → origin table they once filled.
    let merges: [CellRange]
    /// The cached rows' cells, row after row (one array, not one per row): row r starts at `rowStart[r]`.
    private var cells: [Labelled?]
    private let rowStart: [Int]
    /// Labels met in earlier files (nil: every cell is labelled afresh).
    let cache: LabelCache?

    /// What is known about one text, each part worked out when first asked for. A class: the
    /// cache is read far more often than filled, and a struct was copied out on every read.
    /// Everything in it follows from the raw text and the matcher, so cells with equal texts,
    /// in this sheet or in earlier files (`LabelCache`), share one.
    final class Labelled {
        let label: NormalizedLabel
        /// `FastText.isPlain(label.text)`, known without a scan when the fast path made the label.
        let plain: Bool
        /// Trimmed, nil when blank (`text(_:)`).
        var text: String??
        var part: Part??
        var match: LabelMatcher.Match??
        private(set) lazy var key = plain ? LabelKey.plain(label.text) : LabelKey(label.text)

        /// The label of the raw text equals that of the trimmed text: §4 drops all white space.
        init(raw: String) {
            if let fast = Label.fastLabel(raw) {
                label = fast
                plain = true
            } else {
                label = Label.normalize(raw)
                plain = FastText.isPlain(label.text)
            }
        }
    }

    init(_ sheet: SheetData, matcher: LabelMatcher, mergedRows: UInt32 = 40, cache: LabelCache? = nil) {
        self.sheet = sheet
        self.matcher = matcher
        self.cache = cache
        cachedCount = sheet.rows.prefix { $0.index < SheetGrid.cachedRows }.count
        var start = [Int](), n = 0
        start.reserveCapacity(cachedCount)
        for row in sheet.rows.prefix(cachedCount) { start.append(n); n += row.cells.count }
        rowStart = start
        cells = [Labelled?](repeating: nil, count: n)
        merges = sheet.merged.filter { $0.first.row < mergedRows }.map { range in
            CellRange(first: range.first, last: CellRef(row: min(range.last.row, mergedRows),
                                                        column: min(range.last.column, range.first.column &+ 256)))
        }
    }

    /// The cell whose value shows at `ref`: itself, or the top-left of the merged area covering it.
    func origin(_ ref: CellRef) -> CellRef { cover(ref)?.first ?? ref }

    func isMergedCover(_ ref: CellRef) -> Bool { cover(ref) != nil }

    /// The merged area covering `ref` other than at its top-left cell; the last listed wins.
    private func cover(_ ref: CellRef) -> CellRange? {
        merges.last { m in
            m.first.row <= ref.row && ref.row <= m.last.row && m.first.column <= ref.column && ref.column <= m.last.column
                && ref != m.first
        }
    }

    /// Where `ref` sits in `sheet.rows` and that row's cells, when it holds a cell.
    func position(_ ref: CellRef) -> (row: Int, cell: Int)? {
        let rows = sheet.rows
        var lo = 0, hi = rows.count
        while lo < hi { let mid = (lo + hi) / 2; if rows[mid].index < ref.row { lo = mid + 1 } else { hi = mid } }
        guard lo < rows.count, rows[lo].index == ref.row else { return nil }
        let cells = rows[lo].cells
        var a = 0, b = cells.count
        while a < b { let mid = (a + b) / 2; if cells[mid].column < ref.column { a = mid + 1 } else { b = mid } }
        guard a < cells.count, cells[a].column == ref.column else { return nil }
        return (lo, a)
    }

    /// The label of the text cell at a position (`Label.normalize` of its text); nil for other values.
    func label(_ r: Int, _ c: Int) -> NormalizedLabel? {
        entry(r, c)?.label
    }

    /// The cell's label as a dictionary key.
    func key(_ r: Int, _ c: Int) -> LabelKey? {
        entry(r, c)?.key
    }

    /// Whether the cell's label is one of `set`. Labels are NFKC, hence NFC: their length is their key's.
    func label(_ r: Int, _ c: Int, isIn set: LabelSet) -> Bool {
        guard case .text(let raw) = sheet.rows[r].cells[c].value, set.mayLabel(raw),
              let e = entry(r, c), e.label.text.utf8.count <= set.maxBytes else { return false }
        return set.keys.contains(e.key)
    }

    /// `matcher.part` of the cell's label.
    func part(_ r: Int, _ c: Int) -> Part? {
        guard let e = entry(r, c) else { return nil }
        if let known = e.part { return known }
        let p = e.plain ? matcher.part(plainText: e.label.text) : matcher.part(e.label.text)
        e.part = .some(p)
        return p
    }

    /// `matcher.match` of the cell's label.
    func match(_ r: Int, _ c: Int) -> LabelMatcher.Match? {
        guard let e = entry(r, c) else { return nil }
        if let known = e.match { return known }
        let m = e.plain ? matcher.match(plainText: e.label.text) : matcher.match(e.label.text)
        e.match = .some(m)
        return m
    }

    /// A non-blank text cell: its trimmed text, its label and where it sits.
    struct TextCell {
        var text: String
        var label: NormalizedLabel
        var row: Int, cell: Int
    }

    func textCell(_ ref: CellRef) -> TextCell? {
        guard let (r, c) = position(ref), let text = text(r, c), let label = label(r, c) else { return nil }
        return TextCell(text: text, label: label, row: r, cell: c)
    }

    /// The trimmed text at `ref`, nil when blank or not text.
    func text(_ ref: CellRef) -> String? {
        position(ref).flatMap { text($0.row, $0.cell) }
    }

    func text(_ r: Int, _ c: Int) -> String? {
        guard case .text(let s) = sheet.rows[r].cells[c].value else { return nil }
        guard r < cachedCount, let e = entry(r, c) else { return SheetGrid.trimmed(s) }
        if let known = e.text { return known }
        let t = SheetGrid.trimmed(s)
        e.text = .some(t)
        return t
    }

    private static func trimmed(_ s: String) -> String? {
        let t = s.trimmingWhitespace()
        return t.isEmpty ? nil : t
    }

    private func entry(_ r: Int, _ c: Int) -> Labelled? {
        guard case .text(let raw) = sheet.rows[r].cells[c].value else { return nil }
        guard r < cachedCount else { return cache?.labelled(raw) ?? Labelled(raw: raw) }
        let i = rowStart[r] + c
        if let known = cells[i] { return known }
        let e = cache?.labelled(raw) ?? Labelled(raw: raw)
        cells[i] = e
        return e
    }
}
