import ZipXML

/// Collects the text of a string item (`<si>` or `<is>`): plain `<t>` and rich-text runs are
/// concatenated, phonetic runs (`<rPh>`) are left out, and a `<t>` without `xml:space="preserve"`
/// loses its leading and trailing XML whitespace, as Excel does.
struct RichText {
    private(set) var bytes: [UInt8] = []
    private var inT = false
    private var preserve = false
    private var tStart = 0
    private var phoneticDepth = 0

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        inT = false
        phoneticDepth = 0
    }

    /// Returns true when the element belonged to the string item.
    @inline(__always)
    mutating func start(_ name: SAXName, _ attributes: SAXAttributes) {
        if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("t"), phoneticDepth == 0 {
            inT = true
            tStart = bytes.count
            if let space = attributes["space"] {
                preserve = space.elementsEqual("preserve".utf8)
            } else {
                preserve = false
            }
        }
    }

    @inline(__always)
    mutating func end(_ name: SAXName) {
        if name.is("rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        } else if name.is("t"), inT {
            inT = false
            if !preserve { trimTail(from: tStart) }
        }
    }

    @inline(__always)
    mutating func characters(_ chunk: UnsafeBufferPointer<UInt8>) {
        if inT { bytes.append(contentsOf: chunk) }
    }

    private mutating func trimTail(from start: Int) {
        var end = bytes.count
        while end > start, RichText.isXMLSpace(bytes[end - 1]) { end -= 1 }
        var first = start
        while first < end, RichText.isXMLSpace(bytes[first]) { first += 1 }
        if end < bytes.count { bytes.removeSubrange(end...) }
        if first > start { bytes.removeSubrange(start..<first) }
    }

    @inline(__always)
    static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The finished string, with `_xHHHH_` escapes decoded.
    var string: String { XMLText.decodeEscapes(bytes) }
}

enum XMLText {
    /// Decodes Excel's `_xHHHH_` escapes (`_x005F_` escapes the underscore itself).
    static func decodeEscapes(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 7, hasEscapeCandidate(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var pendingHigh: UInt32?  // a UTF-16 high surrogate waiting for its low half
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
               bytes[i + 6] == UInt8(ascii: "_"), let code = hex4(bytes, i + 2) {
                if (0xD800..<0xDC00).contains(code) {
                    pendingHigh = code
                } else {
                    var scalarValue = code
                    if let high = pendingHigh, (0xDC00..<0xE000).contains(code) {
                        scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                    }
                    pendingHigh = nil
                    if let scalar = Unicode.Scalar(scalarValue) {
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    }
                }
                i += 7
                continue
            }
            pendingHigh = nil
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hasEscapeCandidate(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "_") && bytes[i + 1] == UInt8(ascii: "x") { return true }
            i += 1
        }
        return false
    }

    private static func hex4(_ b: [UInt8], _ at: Int) -> UInt32? {
        var v: UInt32 = 0
        for k in at..<at + 4 {
            let c = b[k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}
