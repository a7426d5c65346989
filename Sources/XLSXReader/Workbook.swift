// The streaming reader (issue 2).
import ZipXML
