#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SheetModel
import ZipXML

/// SAX handler for one worksheet part. Completed rows queue up in `pending` for `SheetRows.next()`.
/// The hot path compares names as bytes, reads `r`, `t` and `s` in one pass over the attribute
/// array, reuses its byte buffers and row arrays, and keeps shared strings as indices until the cell ends.
final class SheetHandler: SAXHandler {
    /// The parse state, in memory the handler owns and frees: each C entry point reaches it through
    /// one pointer, so libxml2's callback and the handler's work compile to one function with no
    /// retain, release or exclusivity check.
    let state: UnsafeMutablePointer<SheetParse>

    init(strings: [String], styles: Styles, dateSystem: DateSystem) {
        state = .allocate(capacity: 1)
        state.initialize(to: SheetParse(strings: strings, styles: styles, dateSystem: dateSystem))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var currentCell: CellRef? { state.pointee.currentCell }

    /// libxml2 calls the handler directly: no closure and no vtable call per event.
    /// `_withUnsafeGuaranteedRef`: no retain/release of the handler per event.
    override class var entryPoints: SAXEntryPoints? {
        SAXEntryPoints(
            startElement: { context, localName, _, _, _, _, attributeCount, _, attributes in
                guard let context, let localName,
                      let state = Unmanaged<SheetHandler>.fromOpaque(context)._withUnsafeGuaranteedRef({
                          $0.enterElement() ? $0.state : nil
                      })
                else { return }
                state.pointee.start(localName, SAXAttributes(base: attributes, count: Int(attributeCount)))
            },
            endElement: { context, localName, _, _ in
                guard let context, let localName else { return }
                let state = Unmanaged<SheetHandler>.fromOpaque(context)._withUnsafeGuaranteedRef {
                    $0.leaveElement()
                    return $0.state
                }
                state.pointee.end(localName)
            },
            characters: { context, bytes, count in
                guard let context, let bytes, count > 0 else { return }
                let state = Unmanaged<SheetHandler>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.state }
                state.pointee.text(UnsafeBufferPointer(start: bytes, count: Int(count)))
            })
    }
}

/// What a sheet's callbacks read and write.
struct SheetParse: ~Copyable {
    enum CellType { case number, shared, formulaString, inline, bool, error, isoDate }

    let strings: [String]
    let styles: Styles
    let dateSystem: DateSystem

    /// Rows parsed from the current chunk: `pending[head..<filled]` are still to be handed out.
    /// Slots past `filled` hold rows already handed out; their cell arrays are reused for new rows.
    var pending: [Row] = []
    var filled = 0
    var head = 0
    var merged: [CellRange] = []
    /// A problem found inside a callback (which cannot throw); raised after the chunk.
    var failure: (message: String, cell: CellRef?)?

    private var inSheetData = false
    private var inRow = false
    private var rowIndex: UInt32 = 0
    private var nextRowIndex: UInt32 = 0
    private var cells: [Cell] = []
    private var unsorted = false
    private var nextColumn: Int = 0
    /// The column of the row's last cell (-1: none yet); kept apart so no `Cell` is copied to check order.
    private var lastColumn: Int = -1

    private var inCell = false
    private var column: UInt16 = 0
    private var type: CellType = .number
    private var style = 0
    private var inValue = false
    private var hasValue = false
    private var hasFormula = false
    private var value = ByteBuffer()
    private var inInline = false
    private var inlineText = RichText()
    private var texts = TextCache()

    init(strings: [String], styles: Styles, dateSystem: DateSystem) {
        self.strings = strings
        self.styles = styles
        self.dateSystem = dateSystem
    }

    var currentCell: CellRef? { inCell ? CellRef(row: rowIndex, column: column) : nil }

    // MARK: events

    @inline(__always)
    mutating func start(_ p: UnsafePointer<UInt8>, _ attributes: SAXAttributes) {
        // Single-letter names first: they are nearly every event of a sheet.
        if p[1] == 0 {
            switch p[0] {
            case UInt8(ascii: "c"): if inRow { startCell(attributes) }
            case UInt8(ascii: "v"): if inCell { inValue = true; hasValue = true; value.removeAll() }
            case UInt8(ascii: "f"): if inCell { hasFormula = true }
            default: if inInline { inlineText.start(SAXName(pointer: p), attributes) }
            }
            return
        }
        let name = SAXName(pointer: p)
        if inInline {
            inlineText.start(name, attributes)
        } else if name.is("is") {
            if inCell { inInline = true; hasValue = true; inlineText.reset() }
        } else {
            startOther(name, attributes)
        }
    }

    /// Elements met once per row or per part.
    @inline(never)
    private mutating func startOther(_ name: SAXName, _ attributes: SAXAttributes) {
        if name.is("row") {
            if inSheetData { startRow(attributes) }
        } else if name.is("sheetData") {
            inSheetData = true
        } else if name.is("mergeCell") {
            if let ref = attributes.string("ref"), let range = CellRange(ref) { merged.append(range) }
        }
    }

    @inline(__always)
    mutating func end(_ p: UnsafePointer<UInt8>) {
        let name = SAXName(pointer: p)
        if p[1] == 0 {
            switch p[0] {
            case UInt8(ascii: "c"): if inCell { endCell() }
            case UInt8(ascii: "v"): inValue = false
            default: if inInline { inlineText.end(name) }
            }
            return
        }
        if name.is("is") {
            inInline = false
        } else if inInline {
            inlineText.end(name)
        } else {
            endOther(name)
        }
    }

    @inline(never)
    private mutating func endOther(_ name: SAXName) {
        if name.is("row") {
            if inRow { endRow() }
        } else if name.is("sheetData") {
            inSheetData = false
        }
    }

    @inline(__always)
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inValue {
            value.append(bytes)
        } else if inInline {
            inlineText.characters(bytes)
        }
    }

    // MARK: rows and cells

    private mutating func startRow(_ attributes: SAXAttributes) {
        inRow = true
        if let r = attributes["r"] {
            guard let n = SheetParse.parseUInt(r), n >= 1, n <= UInt64(CellRef.maxRows) else {
                fail("行号超出 Excel 的范围（最多 1048576 行）", nil)
                return
            }
            rowIndex = UInt32(n - 1)
        } else {
            rowIndex = nextRowIndex
        }
        nextRowIndex = rowIndex &+ 1
        nextColumn = 0
        lastColumn = -1
        unsorted = false
        // The array of a row already handed out: emptied in place when the caller has let go of it,
        // replaced by a fresh one of the same capacity when the caller still holds it.
        cells.removeAll(keepingCapacity: true)
    }

    private mutating func endRow() {
        inRow = false
        guard !cells.isEmpty else { return }
        if unsorted {
            // Keep document order among equal columns, then let the last duplicate win.
            let ordered = cells.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }
            var deduped: [Cell] = []
            for (_, cell) in ordered {
                if let last = deduped.last, last.column == cell.column { deduped[deduped.count - 1] = cell } else { deduped.append(cell) }
            }
            cells = deduped
        }
        if filled < pending.count {
            // Hand this row's array over and take back the one of a row handed out before.
            pending[filled].index = rowIndex
            swap(&pending[filled].cells, &cells)
        } else {
            var fresh: [Cell] = []
            fresh.reserveCapacity(cells.count)
            pending.append(Row(index: rowIndex, cells: cells))
            cells = fresh
        }
        filled += 1
    }

    @inline(__always)
    private mutating func startCell(_ attributes: SAXAttributes) {
        inCell = true
        hasValue = false
        hasFormula = false
        type = .number
        style = 0
        var col = nextColumn  // a cell without `r` (or with a bad one) follows the previous cell
        if var a = attributes.base {
            // Five pointers per attribute: local name, prefix, URI, value start, value end.
            let last = a + attributes.count &* 5
            while a < last {
                defer { a += 5 }
                guard let n = a[0], n[1] == 0, let start = a[3], let end = a[4] else { continue }
                let v = UnsafeBufferPointer(start: start, count: end - start)
                switch n[0] {
                case UInt8(ascii: "r"):
                    if let c = SheetParse.parseColumn(v) { col = c } else { fail("单元格引用无效或超出 Excel 的范围", nil) }
                case UInt8(ascii: "t"): type = SheetParse.cellType(v)
                case UInt8(ascii: "s"): style = Int(SheetParse.parseUInt(v) ?? 0)
                default: break
                }
            }
        }
        guard col < Int(CellRef.maxColumns) else {
            fail("列号超出 Excel 的范围（最多 16384 列）", nil)
            column = CellRef.maxColumns - 1
            return
        }
        column = UInt16(col)
        if lastColumn >= col { unsorted = true }
        lastColumn = col
        nextColumn = col + 1
    }

    @inline(__always)
    private mutating func endCell() {
        inCell = false
        inValue = false
        guard hasValue else {
            if hasFormula { cells.append(Cell(column: column, value: .uncachedFormula)) }
            return
        }
        let v: CellValue
        switch type {
        case .number:
            guard let d = parseDouble() else { return unreadValue() }
            v = styles.isDate(style) ? .dateSerial(d) : .number(d)
        case .inline:
            guard !inlineText.isEmpty else { return }
            v = .text(texts.text(inlineText.bytes))
        default:
            guard let other = otherValue() else { return unreadValue() }
            v = other
        }
        cells.append(Cell(column: column, value: v))
    }

    /// A `<v>` that gave no value. For a formula an empty one (openpyxl writes formulas it never
    /// calculated as `<f>…</f><v/>`) is no cached result, as no `<v>` is; an empty cached string
    /// (t="str") is a result, the empty text, which is no cell.
    @inline(never)
    private mutating func unreadValue() {
        if hasFormula, value.isEmpty, type != .formulaString {
            cells.append(Cell(column: column, value: .uncachedFormula))
        }
    }

    /// The value of a cell that is neither a number nor an inline string.
    @inline(never)
    private mutating func otherValue() -> CellValue? {
        switch type {
        case .shared:
            guard let i = SheetParse.parseUInt(value.bytes), i < UInt64(strings.count) else { return nil }
            let s = strings[Int(i)]
            return s.isEmpty ? nil : .text(s)
        case .formulaString:
            let s = texts.text(value.bytes)
            return s.isEmpty ? nil : .text(s)
        case .bool:
            return SheetParse.parseBool(value.bytes).map(CellValue.bool)
        case .error:
            let s = String(decoding: value.bytes, as: UTF8.self)
            return s.isEmpty ? nil : .error(CellError(s))
        case .isoDate:
            return ISODate.serial(String(decoding: value.bytes, as: UTF8.self), system: dateSystem).map(CellValue.dateSerial)
        case .number, .inline:
            return nil  // handled by `endCell`
        }
    }

    @inline(never)
    private mutating func fail(_ message: String, _ cell: CellRef?) {
        if failure == nil { failure = (message, cell ?? CellRef(row: rowIndex, column: column)) }
    }

    // MARK: byte parsing

    @inline(__always)
    private mutating func parseDouble() -> Double? {
        guard !value.isEmpty else { return nil }
        if let fast = FastNumber.parse(value) { return fast }
        return slowDouble()
    }

    /// strtod, for exponents and long mantissas.
    @inline(never)
    private mutating func slowDouble() -> Double? {
        value.withCString { p -> Double? in
            var end: UnsafeMutablePointer<CChar>?
            let d = strtod(p, &end)
            guard let end, end != UnsafeMutablePointer(mutating: p) else { return nil }
            var q = end
            while q.pointee != 0 {
                guard RichText.isXMLSpace(UInt8(bitPattern: q.pointee)) else { return nil }
                q += 1
            }
            return d
        }
    }

    /// Digits after optional XML whitespace; what follows further whitespace is ignored.
    @inline(__always)
    static func parseUInt(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        // Plain digits, as producers write row numbers, styles and string indices.
        if let start = bytes.baseAddress, bytes.count > 0, bytes.count <= 18 {
            var n: UInt64 = 0
            var p = start
            let end = start + bytes.count
            while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
                n = n &* 10 &+ UInt64(d)
                p += 1
            }
            if p == end { return n }
        }
        return parseUIntWithSpace(bytes)
    }

    @inline(never)
    private static func parseUIntWithSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var n: UInt64 = 0
        var digits = 0
        for b in bytes {
            if RichText.isXMLSpace(b) { if digits == 0 { continue } else { break } }
            let d = b &- UInt8(ascii: "0")
            guard d < 10, digits < 18 else { return nil }
            n = n &* 10 &+ UInt64(d)
            digits += 1
        }
        return digits > 0 ? n : nil
    }

    /// The column of an A1 reference (letters, any case; the row digits are checked for shape only).
    @inline(__always)
    static func parseColumn(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard var p = bytes.baseAddress else { return nil }
        let end = p + bytes.count
        var col = 0
        let lettersStart = p
        while p < end, case let l = (p.pointee | 0x20) &- UInt8(ascii: "a"), l < 26 {
            col = col &* 26 &+ Int(l) &+ 1  // wrapping: a hostile run of letters fails the count check below
            p += 1
        }
        let letters = p - lettersStart
        guard letters > 0, letters <= 3, col <= Int(CellRef.maxColumns) else { return nil }
        let digits = end - p
        guard digits > 0, digits <= 7 else { return nil }
        if digits >= 4 {
            // Two overlapping 4-byte loads cover 4...7 digits without reading past the value.
            let raw = UnsafeRawPointer(p)
            guard allDigits(raw.loadUnaligned(as: UInt32.self)),
                  allDigits(raw.loadUnaligned(fromByteOffset: digits - 4, as: UInt32.self)) else { return nil }
        } else {
            for i in 0..<digits where p[i] &- UInt8(ascii: "0") >= 10 { return nil }
        }
        // Up to six digits not starting with 0 lie within 1...1048576; only the rest need their value.
        if digits == 7 || p.pointee == UInt8(ascii: "0") {
            guard rowInRange(UnsafeBufferPointer(start: p, count: digits)) else { return nil }
        }
        return col - 1
    }

    /// Are all four bytes ASCII digits? A digit's high nibble is 3 both as is and plus 6, and
    /// when every byte passes the first test none can carry into the next.
    @inline(__always)
    private static func allDigits(_ w: UInt32) -> Bool {
        let high: UInt32 = 0xF0F0_F0F0
        return (w & high) | ((w &+ 0x0606_0606) & high) >> 4 == 0x3333_3333
    }

    @inline(never)
    private static func rowInRange(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        var row = 0
        for d in digits { row = row &* 10 &+ Int(d &- UInt8(ascii: "0")) }
        return row >= 1 && row <= Int(CellRef.maxRows)
    }

    static func cellType(_ v: UnsafeBufferPointer<UInt8>) -> CellType {
        switch v.count {
        case 1:
            switch v[0] {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .bool
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .isoDate
            default: return .number
            }
        case 3 where v[0] == UInt8(ascii: "s") && v[1] == UInt8(ascii: "t") && v[2] == UInt8(ascii: "r"):
            return .formulaString
        case 9 where v[0] == UInt8(ascii: "i") && v[6] == UInt8(ascii: "S"): return .inline  // inlineStr
        default: return .number
        }
    }

    /// "1"/"0" as Excel writes them, "true"/"false" as some libraries do.
    static func parseBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var b = bytes[...]
        while let f = b.first, RichText.isXMLSpace(f) { b = b.dropFirst() }
        while let l = b.last, RichText.isXMLSpace(l) { b = b.dropLast() }
        if b.count == 1 {  // the common case, decided without a comparison loop
            return b.first == UInt8(ascii: "1") ? true : b.first == UInt8(ascii: "0") ? false : nil
        }
        if b.elementsEqual("true".utf8) { return true }
        if b.elementsEqual("false".utf8) { return false }
        return nil
    }
}

extension String {
    var trimmingXMLSpace: String {
        var s = Substring(self)
        while let f = s.utf8.first, RichText.isXMLSpace(f) { s = s.dropFirst() }
        while let l = s.utf8.last, RichText.isXMLSpace(l) { s = s.dropLast() }
        return String(s)
    }
}
