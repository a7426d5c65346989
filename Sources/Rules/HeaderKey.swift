import SheetModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything `HeaderScan` reads to interpret a header row (with the row below, when it is read as
/// two-row header), as bytes: the rows' numbers, their text cells (column and raw text), and the
/// merged areas reaching into them with the text at each one's top-left cell. Numbers and other
/// values play no part in a reading. Sheets of one template have equal keys for their header rows,
/// so a reading is worked out once per template and thread (`LabelCache.header`), and a key that
/// differs in any of these is simply another entry.
struct HeaderKey: Hashable {
    private var bytes: [UInt8] = []

    init(_ grid: SheetGrid, _ row: Row, child: Row?) {
        bytes.reserveCapacity(512)
        put(row.index)
        put(child.map { $0.index + 1 } ?? 0)
        texts(row)
        if let child { texts(child) }
        let last = child?.index ?? row.index
        for m in grid.merges where m.first.row <= last && m.last.row >= row.index {
            put(m.first.row); put(UInt32(m.first.column)); put(m.last.row); put(UInt32(m.last.column))
            if let (r, c) = grid.position(m.first), case .text(let raw) = grid.sheet.rows[r].cells[c].value {
                text(raw)
            } else {
                put(UInt32.max)
            }
        }
    }

    private mutating func texts(_ row: Row) {
        var n: UInt32 = 0
        for cell in row.cells { if case .text = cell.value { n += 1 } }
        put(n)
        for cell in row.cells {
            guard case .text(let raw) = cell.value else { continue }
            put(UInt32(cell.column))
            text(raw)
        }
    }

    private mutating func text(_ s: String) {
        put(UInt32(s.utf8.count))
        FastText.withBytes(s) { bytes.append(contentsOf: $0) }
    }

    // By the buffer, not byte by byte (what Array's own Hashable does).
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(ByteHash.hash($0)) }
    }

    static func == (a: HeaderKey, b: HeaderKey) -> Bool {
        a.bytes.count == b.bytes.count && a.bytes.withUnsafeBytes { x in b.bytes.withUnsafeBytes { y in
            x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
        } }
    }

    private mutating func put(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
