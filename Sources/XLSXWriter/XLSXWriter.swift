// The writer: one type per OOXML part, one packager (issue 4).
enum XLSXWriterNamespace {}
