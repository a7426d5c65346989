/// Caps applied while inflating, never taken from what a zip header declares.
public struct ZipLimits: Sendable {
    /// Largest inflated size of one part.
    public var maxPartBytes: Int64
    /// Largest inflated/compressed ratio, checked once a part has inflated past `ratioGraceBytes`.
    /// Real sheets deflate 5–50×; deflate itself tops out near 1032×.
    public var maxRatio: Int64
    public var ratioGraceBytes: Int64

    public init(maxPartBytes: Int64 = 1 << 30, maxRatio: Int64 = 200, ratioGraceBytes: Int64 = 16 << 20) {
        self.maxPartBytes = maxPartBytes
        self.maxRatio = maxRatio
        self.ratioGraceBytes = ratioGraceBytes
    }

    public static let `default` = ZipLimits()
}
