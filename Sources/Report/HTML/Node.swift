/// A node of the HTML report or of an inline SVG chart. Text and attribute values are escaped
/// when rendered, so nothing read from an enterprise's file can become markup.
indirect enum Node: Equatable {
    case element(String, [Attribute], [Node])
    case text(String)
    case fragment([Node])
    /// CSS written in this module (never data): the only content emitted unescaped.
    case stylesheet(StaticString)

    struct Attribute: Equatable {
        let name: String
        let value: String
    }

    static func == (a: Node, b: Node) -> Bool { a.render() == b.render() }

    /// `el("td", ["class": "num"], .text("1.00"))`; attribute order is kept as written.
    static func el(_ name: String, _ attributes: KeyValuePairs<String, String>, _ children: Node...) -> Node {
        .element(name, attributes.map { Attribute(name: $0.key, value: $0.value) }, children)
    }

    static func el(_ name: String, _ children: Node...) -> Node { .element(name, [], children) }

    static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [Node]) -> Node {
        .element(name, attributes.map { Attribute(name: $0.key, value: $0.value) }, children)
    }

    /// Elements without content or end tag in HTML.
    private static let void: Set<String> = ["meta", "br", "hr", "img", "link", "col"]

    func render() -> String {
        var out: [UInt8] = []
        render(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Into bytes: the findings table alone is thousands of rows, and appending to a String
    /// (with a temporary String per tag) cost more than building the nodes.
    func render(into out: inout [UInt8]) {
        switch self {
        case .text(let s):
            Node.escape(s, quotes: false, into: &out)
        case .fragment(let nodes):
            for n in nodes { n.render(into: &out) }
        case .stylesheet(let css):
            css.withUTF8Buffer { out += $0 }
        case .element(let name, let attributes, let children):
            out.append(UInt8(ascii: "<")); out += name.utf8
            for a in attributes {
                out.append(UInt8(ascii: " ")); out += a.name.utf8; out += #"=""#.utf8
                Node.escape(a.value, quotes: true, into: &out)
                out.append(UInt8(ascii: "\""))
            }
            if Node.void.contains(name) { out.append(UInt8(ascii: ">")); return }
            // SVG shapes have no content; self-closing keeps the markup small.
            if children.isEmpty && Node.svgLeaf.contains(name) { out += "/>".utf8; return }
            out.append(UInt8(ascii: ">"))
            for c in children { c.render(into: &out) }
            out += "</".utf8; out += name.utf8; out.append(UInt8(ascii: ">"))
        }
    }

    private static let svgLeaf: Set<String> = ["path", "line", "rect", "circle", "polyline"]

    static func escape(_ s: String, quotes: Bool) -> String {
        var out: [UInt8] = []
        escape(s, quotes: quotes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// By byte: the characters to escape are ASCII, and UTF-8 never uses ASCII bytes inside a
    /// multi-byte character.
    static func escape(_ s: String, quotes: Bool, into out: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22 where quotes: out += "&quot;".utf8
            case 0x27 where quotes: out += "&#39;".utf8
            default: out.append(b)
            }
        }
    }
}
