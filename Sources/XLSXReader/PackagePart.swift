import SheetModel
import ZipXML

/// Runs a SAX handler over a whole part. Small parts (relationships, workbook, styles, shared
/// strings) are parsed this way; worksheets stream through `SheetRows` instead.
enum PackagePart {
    /// Parses `part`; returns false when the archive has no such part.
    @discardableResult
    static func parse(_ part: String, in archive: ZipArchive, with handler: SAXHandler) throws -> Bool {
        guard let stream = try archive.openEntry(part) else { return false }
        let parser = try XMLPushParser(handler: handler, file: archive.path, part: part)
        try parser.parse(stream)
        return true
    }

    /// Resolves a relationship target against the part that holds the relationship:
    /// absolute targets start at the package root; `..` and `.` are folded; `\` is `/`.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        var t = target.utf8.contains(UInt8(ascii: "\\")) ? String(target.map { $0 == "\\" ? "/" : $0 }) : target
        t = percentDecoded(t)
        var segments: [Substring]
        if t.hasPrefix("/") {
            segments = []
        } else {
            segments = pathSegments(sourcePart)
            if !segments.isEmpty { segments.removeLast() }  // the source part's own name
        }
        for seg in pathSegments(t) {
            if seg == "." { continue }
            if seg == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(seg)
        }
        return segments.joined(separator: "/")
    }

    /// The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPart(of part: String) -> String {
        var segments = part.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let name = segments.popLast() ?? ""
        return (segments + ["_rels", name + ".rels"]).joined(separator: "/")
    }

    /// Non-empty `/`-separated segments, split on bytes (a `Character` split costs more than the
    /// rest of opening a small workbook).
    private static func pathSegments(_ s: String) -> [Substring] {
        s.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    private static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count,
               let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One `<Relationship>` of a `.rels` part.
struct Relationship {
    var id: String
    var type: String
    var target: String
    var external: Bool

    /// The relationship type's last path segment ("worksheet", "officeDocument", …), which is the
    /// same in transitional and Strict OOXML.
    var kind: Substring {
        let utf8 = type.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
        let start = utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return type[start..<end]
    }
}

final class RelationshipsHandler: SAXHandler {
    var relationships: [Relationship] = []

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        guard name.is("Relationship") else { return }
        relationships.append(Relationship(
            id: attributes.string("Id") ?? "",
            type: attributes.string("Type") ?? "",
            target: attributes.string("Target") ?? "",
            external: attributes.string("TargetMode")?.lowercased() == "external"))
    }

    override func endElement(_ name: SAXName) {}
    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    static func read(_ part: String, in archive: ZipArchive) throws -> [Relationship]? {
        let handler = RelationshipsHandler()
        guard try PackagePart.parse(part, in: archive, with: handler) else { return nil }
        return handler.relationships
    }
}
