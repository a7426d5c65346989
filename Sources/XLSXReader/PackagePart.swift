import SheetModel
import ZipXML

/// Runs a SAX handler over a whole part. Small parts (relationships, workbook, styles, shared
/// strings) are parsed this way; worksheets stream through `SheetRows` instead.
enum PackagePart {
    /// Parses `part`; returns false when the archive has no such part.
    @discardableResult
    static func parse(_ part: String, in archive: ZipArchive, with handler: any SAXHandler) throws -> Bool {
        guard let stream = try archive.openEntry(part) else { return false }
        let parser = try XMLPushParser(handler: handler, file: archive.path, part: part)
        try parser.parse(stream)
        return true
    }

    /// Resolves a relationship target against the part that holds the relationship:
    /// absolute targets start at the package root; `..` and `.` are folded; `\` is `/`.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        var t = String(target.map { $0 == "\\" ? "/" : $0 })
        t = percentDecoded(t)
        var segments: [Substring]
        if t.hasPrefix("/") {
            segments = []
        } else {
            segments = sourcePart.split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }  // the source part's own name
        }
        for seg in t.split(separator: "/", omittingEmptySubsequences: true) {
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

    private static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
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
    var kind: Substring { type.split(separator: "/").last ?? "" }
}

final class RelationshipsHandler: SAXHandler {
    var relationships: [Relationship] = []

    func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        guard name.is("Relationship") else { return }
        relationships.append(Relationship(
            id: attributes.string("Id") ?? "",
            type: attributes.string("Type") ?? "",
            target: attributes.string("Target") ?? "",
            external: attributes.string("TargetMode")?.lowercased() == "external"))
    }

    func endElement(_ name: SAXName) {}
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    static func read(_ part: String, in archive: ZipArchive) throws -> [Relationship]? {
        let handler = RelationshipsHandler()
        guard try PackagePart.parse(part, in: archive, with: handler) else { return nil }
        return handler.relationships
    }
}
