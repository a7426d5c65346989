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
        var out = ""
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        switch self {
        case .text(let s):
            out += Node.escape(s, quotes: false)
        case .fragment(let nodes):
            for n in nodes { n.render(into: &out) }
        case .stylesheet(let css):
            out += css.description
        case .element(let name, let attributes, let children):
            out += "<" + name
            for a in attributes { out += " " + a.name + "=\"" + Node.escape(a.value, quotes: true) + "\"" }
            if Node.void.contains(name) { out += ">"; return }
            // SVG shapes have no content; self-closing keeps the markup small.
            if children.isEmpty && Node.svgLeaf.contains(name) { out += "/>"; return }
            out += ">"
            for c in children { c.render(into: &out) }
            out += "</" + name + ">"
        }
    }

    private static let svgLeaf: Set<String> = ["path", "line", "rect", "circle", "polyline"]

    static func escape(_ s: String, quotes: Bool) -> String {
        // Most text (numbers, names) has nothing to escape: a byte scan is far cheaper than the scalar walk.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27)) }) else {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
