internal import CXML2
import SheetModel

/// libxml2's SAX2 push parser, fed in chunks. Hardened for untrusted parts: a DOCTYPE stops the
/// parse (no entity may be declared, so no entity bomb or XXE), no network, no DTD loading,
/// libxml2's default depth and length limits stay on (no XML_PARSE_HUGE), no recovery.
public final class XMLPushParser {
    private var ctxt: xmlParserCtxtPtr?
    private let handler: SAXHandler
    public let file: String
    public let part: String

    public init(handler: SAXHandler, file: String, part: String) throws {
        self.file = file
        self.part = part
        self.handler = handler
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        if let entry = type(of: handler).entryPoints {
            sax.startElementNs = entry.startElement
            sax.endElementNs = entry.endElement
            sax.characters = entry.characters
            sax.cdataBlock = entry.characters
        } else {
            XMLPushParser.installMethodCalls(&sax)
        }
        sax.internalSubset = { ctx, _, _, _ in
            // Any DOCTYPE: stop before its internal subset can declare an entity.
            guard let ctx else { return }
            let c = Unmanaged<SAXHandler>.fromOpaque(ctx).takeUnretainedValue()
            c.sawDoctype = true
            if let parser = c.parser { xmlStopParser(parser) }
        }
        cxml_silence(&sax)
        let userData = Unmanaged.passUnretained(handler).toOpaque()
        guard let c = xmlCreatePushParserCtxt(&sax, userData, nil, 0, nil) else {
            throw SheetError(.corrupt, file: file, message: "无法创建 XML 解析器", part: part)
        }
        xmlCtxtUseOptions(c, Int32(XML_PARSE_NONET.rawValue))
        ctxt = c
        handler.parser = c
    }

    /// Callbacks that reach the handler's overridable methods.
    private static func installMethodCalls(_ sax: inout xmlSAXHandler) {
        sax.startElementNs = { ctx, localname, _, _, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            // _withUnsafeGuaranteedRef: no retain/release of the context for each of millions of events.
            Unmanaged<SAXHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in
                guard c.enterElement() else { return }
                let attrs = SAXAttributes(base: UnsafeMutableRawPointer(attributes)?.assumingMemoryBound(to: UnsafePointer<UInt8>?.self),
                                          count: Int(nbAttributes))
                c.startElement(SAXName(pointer: localname), attrs)
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            Unmanaged<SAXHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in
                c.leaveElement()
                c.endElement(SAXName(pointer: localname))
            }
        }
        let chars: charactersSAXFunc = { ctx, ch, len in
            guard let ctx, let ch, len > 0 else { return }
            Unmanaged<SAXHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
            }
        }
        sax.characters = chars
        sax.cdataBlock = chars
    }

    deinit {
        if let ctxt {
            xmlFreeParserCtxt(ctxt)
        }
    }

    /// Parses one chunk; callbacks run before this returns.
    public func feed(_ bytes: UnsafeRawBufferPointer) throws {
        guard let ctxt else { return }
        let rc = xmlParseChunk(ctxt, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
        try check(rc)
    }

    /// Ends the document; reports an unterminated document as corrupt.
    public func finish() throws {
        guard let ctxt else { return }
        let rc = xmlParseChunk(ctxt, nil, 0, 1)
        try check(rc)
    }

    private func check(_ rc: Int32) throws {
        guard let ctxt else { return }
        if handler.sawDoctype {
            xmlStopParser(ctxt)
            throw SheetError(.corrupt, file: file,
                             message: "部件含有 DOCTYPE 声明（可能是 XML 实体攻击），出于安全考虑拒绝读取", part: part)
        }
        if handler.tooDeep {
            throw SheetError(.corrupt, file: file,
                             message: "部件的 XML 嵌套层数超过 \(XMLPushParser.maxDepth) 层，疑似恶意构造，已拒绝读取", part: part)
        }
        if rc != 0 || ctxt.pointee.wellFormed == 0 {
            let message = cxml_last_error_message(ctxt).map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "XML error \(rc)"
            let line = Int(cxml_last_error_line(ctxt))
            throw SheetError(.corrupt, file: file, message: "部件的 XML 内容已损坏，请重新导出或重新发送", part: part,
                             line: line > 0 ? line : nil, underlying: message)
        }
    }

    /// Feeds a whole entry stream through the parser in 64 KiB chunks.
    public func parse(_ stream: ZipEntryStream) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: XMLPushParser.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try stream.read(into: buffer)
            if n == 0 { break }
            try feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        try finish()
    }

    public static let chunkSize = 64 << 10
    /// Real parts nest about 8 deep; libxml2's own pull-parser limit is 256. Computed and
    /// inlinable, so entry points in other modules compare with a constant.
    @inlinable public static var maxDepth: Int { 256 }
}

@available(*, unavailable) extension XMLPushParser: Sendable {}

extension String {
    func trimmingCharacters(in _: WhitespaceSet) -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
    enum WhitespaceSet { case whitespacesAndNewlines }
}
