#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/tree.h>
