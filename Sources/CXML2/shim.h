#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and its encoding.h then pulls the system ICU headers into
   this module, which clash with Foundation's own ICU module wherever both are visible (test
   targets). Only ICU-specific fields of the encoding handler depend on it, and we never touch
   that struct, so leave ICU out of the Swift view. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function-pointer variable; Swift 6 rejects it. */
static inline void cxml_free(void *p) { xmlFree(p); }

/* libxml2 keeps the last error per thread; the message is reached through a macro-free accessor. */
static inline const char *cxml_last_error_message(xmlParserCtxtPtr ctxt) {
  xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
  return (e && e->message) ? e->message : 0;
}
static inline int cxml_last_error_line(xmlParserCtxtPtr ctxt) {
  xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
  return e ? e->line : 0;
}

/* A structured-error sink, so libxml2 never prints to stderr; errors are read back with
   xmlCtxtGetLastError. The handler type changed constness across libxml2 versions, hence the cast. */
static void cxml_ignore_error(void *ctx, const xmlError *err) { (void)ctx; (void)err; }
static inline void cxml_silence(xmlSAXHandler *sax) {
  sax->serror = (xmlStructuredErrorFunc)cxml_ignore_error;
}
