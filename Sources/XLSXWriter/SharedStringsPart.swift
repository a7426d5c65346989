/// Every distinct string of the workbook, numbered in first-use order. Held in memory for the
/// whole write: sheets refer to strings by index, so the table is complete only at the end.
struct SharedStringTable {
    private(set) var strings: [String] = []
    private var index: [ByteKey: Int] = [:]
    /// How many cells refer to the table (`count`), as opposed to distinct strings (`uniqueCount`).
    private(set) var references = 0

    mutating func index(of s: String) -> Int {
        references += 1
        if let i = index[ByteKey(s)] { return i }
        strings.append(s)
        index[ByteKey(s)] = strings.count - 1
        return strings.count - 1
    }
}

/// A String compared and hashed by its UTF-8 bytes. String's own hashing normalises Unicode
/// first, which for Chinese text cost more than writing the cell. Canonically equivalent strings
/// with different bytes get two entries, which shows the same text.
struct ByteKey: Hashable {
    let string: String
    init(_ string: String) { self.string = string }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        var x = a.string, y = b.string
        return x.withUTF8 { p in y.withUTF8 { q in p.elementsEqual(q) } }
    }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// `xl/sharedStrings.xml`.
struct SharedStringsPart {
    var table: SharedStringTable

    func write(into xml: inout XMLBytes) {
        xml.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        xml.raw(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=""#)
        xml.int(table.references)
        xml.raw(#"" uniqueCount=""#)
        xml.int(table.strings.count)
        xml.raw(#"">"#)
        for s in table.strings {
            xml.raw(XMLBytes.needsPreserve(s) ? #"<si><t xml:space="preserve">"# : "<si><t>")
            xml.text(s)
            xml.raw("</t></si>")
        }
        xml.raw("</sst>")
    }
}
