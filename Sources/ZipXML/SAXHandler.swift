internal import CXML2

/// Receives libxml2's SAX2 events. Names and values are borrowed bytes, valid only during the call:
/// handlers compare them as bytes and build no `String` for tag names.
///
/// A class rather than a protocol: the C callbacks reach the handler through their user-data
/// pointer and call it through the vtable, with no existential to copy and retain per event.
open class SAXHandler {
    public init() {}
    open func startElement(_ name: SAXName, _ attributes: SAXAttributes) {}
    open func endElement(_ name: SAXName) {}
    open func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// C functions libxml2 calls instead of the three methods above, or nil to use those.
    /// A class property, so entry points that cast their context to the handler's own type can
    /// only be installed for that type.
    open class var entryPoints: SAXEntryPoints? { nil }

    // Parser state the callbacks keep beside the handler's own.
    @usableFromInline var depth = 0
    var tooDeep = false
    var sawDoctype = false
    var parser: xmlParserCtxtPtr?

    /// For entry points, at each element start: false once the nesting passes
    /// `XMLPushParser.maxDepth` (libxml2's push mode has no depth limit of its own), the parse
    /// then being stopped and reported as too deep.
    @inlinable @inline(__always)
    public final func enterElement() -> Bool {
        depth &+= 1
        if depth > XMLPushParser.maxDepth {
            stopTooDeep()
            return false
        }
        return true
    }

    /// For entry points, at each element end.
    @inlinable @inline(__always)
    public final func leaveElement() { depth &-= 1 }

    @usableFromInline
    final func stopTooDeep() {
        tooDeep = true
        if let parser { xmlStopParser(parser) }
    }
}

/// libxml2's SAX2 callbacks as Swift sees them, for a handler that wants to be called directly:
/// for a sheet's millions of events, a closure and a vtable call per event cost more than the
/// handler's own work. The context is the handler (unretained); an entry point must call
/// `enterElement()`/`leaveElement()` so the depth limit holds.
public struct SAXEntryPoints {
    public typealias StartElement = @convention(c) (
        _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?,
        _ uri: UnsafePointer<UInt8>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
        _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) -> Void
    public typealias EndElement = @convention(c) (
        _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?,
        _ uri: UnsafePointer<UInt8>?
    ) -> Void
    public typealias Characters = @convention(c) (
        _ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ count: Int32
    ) -> Void

    public var startElement: StartElement
    public var endElement: EndElement
    public var characters: Characters

    public init(startElement: StartElement, endElement: EndElement, characters: Characters) {
        self.startElement = startElement
        self.endElement = endElement
        self.characters = characters
    }
}

/// An element's local name (NUL-terminated, namespace prefix already removed by libxml2).
/// The comparisons are `@inlinable`: handlers in other modules call them for every event.
public struct SAXName {
    public let pointer: UnsafePointer<UInt8>

    @inlinable
    public init(pointer: UnsafePointer<UInt8>) { self.pointer = pointer }

    @inlinable @inline(__always)
    public func `is`(_ literal: StaticString) -> Bool {
        let lit = literal.utf8Start
        let n = literal.utf8CodeUnitCount
        var i = 0
        while i < n {
            if pointer[i] != lit[i] { return false }
            i += 1
        }
        return pointer[n] == 0
    }

    public var string: String { String(cString: pointer) }
}

/// The attribute array of `startElementNs`: five pointers per attribute
/// (local name, prefix, URI, value start, value end).
public struct SAXAttributes {
    /// Raw access for hot loops that read several attributes in one pass.
    public let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    @inlinable
    public init(base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.base = base
        self.count = count
    }

    /// The value bytes of the attribute with this local name (any namespace), or nil.
    @inlinable
    public subscript(_ local: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        var i = 0
        while i < count {
            let p = base + i * 5
            if let name = p[0], SAXName(pointer: name).is(local), let start = p[3], let end = p[4] {
                return UnsafeBufferPointer(start: start, count: end - start)
            }
            i += 1
        }
        return nil
    }

    /// The value of a namespaced attribute, e.g. `r:id`, matched on local name and namespace suffix.
    public func value(_ local: StaticString, namespaceSuffix: String) -> String? {
        guard let base else { return nil }
        for i in 0..<count {
            let p = base + i * 5
            guard let name = p[0], SAXName(pointer: name).is(local) else { continue }
            let uri = p[2].map { String(cString: $0) } ?? ""
            guard uri.hasSuffix(namespaceSuffix), let start = p[3], let end = p[4] else { continue }
            return SAXAttributes.decode(UnsafeBufferPointer(start: start, count: end - start))
        }
        return nil
    }

    /// The decoded value of an attribute.
    public func string(_ local: StaticString) -> String? {
        self[local].map(SAXAttributes.decode)
    }

    /// libxml2's SAX2 mode without entity substitution hands attribute values over with character
    /// and predefined entity references still in them (`&#38;` for `&`); this resolves them.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out = ""
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "&"), let semi = raw[i...].firstIndex(of: UInt8(ascii: ";")), semi - i <= 10 {
                let name = String(decoding: raw[(i + 1)..<semi], as: UTF8.self)
                var scalar: Unicode.Scalar?
                switch name {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if name.hasPrefix("#") {
                        scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
                    }
                }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    i = semi + 1
                    continue
                }
            }
            // Copy a run of bytes up to the next ampersand.
            var j = i + 1
            while j < raw.count && raw[j] != UInt8(ascii: "&") { j += 1 }
            out += String(decoding: UnsafeBufferPointer(rebasing: raw[i..<j]), as: UTF8.self)
            i = j
        }
        return out
    }
}
