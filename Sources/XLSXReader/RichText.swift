#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZipXML

/// Collects the text of a string item (`<si>` or `<is>`): plain `<t>` and rich-text runs are
/// concatenated, phonetic runs (`<rPh>`) are left out, and a `<t>` without `xml:space="preserve"`
/// loses its leading and trailing XML whitespace, as Excel does.
struct RichText: ~Copyable {
    private var buffer = ByteBuffer()
    private var inT = false
    private var preserve = false
    private var tStart = 0
    private var phoneticDepth = 0

    var isEmpty: Bool { buffer.isEmpty }
    /// The raw text so far (escapes not yet decoded); valid until the next mutation.
    var bytes: UnsafeBufferPointer<UInt8> { buffer.bytes }

    mutating func reset() {
        buffer.removeAll()
        inT = false
        phoneticDepth = 0
    }

    @inline(__always)
    mutating func start(_ name: SAXName, _ attributes: SAXAttributes) {
        if name.is("t") {
            guard phoneticDepth == 0 else { return }
            inT = true
            tStart = buffer.count
            preserve = attributes.count > 0 && attributes["space"].map { $0.elementsEqual("preserve".utf8) } == true
        } else if name.is("rPh") {
            phoneticDepth += 1
        }
    }

    @inline(__always)
    mutating func end(_ name: SAXName) {
        if name.is("t") {
            guard inT else { return }
            inT = false
            if !preserve { trim(from: tStart) }
        } else if name.is("rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        }
    }

    @inline(__always)
    mutating func characters(_ chunk: UnsafeBufferPointer<UInt8>) {
        if inT { buffer.append(chunk) }
    }

    /// Drops the XML whitespace around the text of the `<t>` that began at `start`.
    private mutating func trim(from start: Int) {
        let b = buffer.bytes
        var end = b.count
        while end > start, RichText.isXMLSpace(b[end - 1]) { end -= 1 }
        var first = start
        while first < end, RichText.isXMLSpace(b[first]) { first += 1 }
        if end < b.count { buffer.remove(end..<b.count) }
        if first > start { buffer.remove(start..<first) }
    }

    @inline(__always)
    static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The finished string, with `_xHHHH_` escapes decoded.
    var string: String { XMLText.decodeEscapes(buffer.bytes) }
}

enum XMLText {
    /// Decodes Excel's `_xHHHH_` escapes (`_x005F_` escapes the underscore itself).
    static func decodeEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
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

    /// memchr for the underscore: most strings have none, and memchr scans them a vector at a time.
    private static func hasEscapeCandidate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = bytes.baseAddress else { return false }
        let end = p + bytes.count
        while p < end, let hit = memchr(p, Int32(UInt8(ascii: "_")), end - p) {
            let q = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if q + 1 < end && q[1] == UInt8(ascii: "x") { return true }
            p = q + 1
        }
        return false
    }

    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
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
