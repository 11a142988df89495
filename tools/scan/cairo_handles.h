// Owning smart pointers for the cairo and pango handles the scan tools use.
#ifndef DECLTAB_TOOLS_SCAN_CAIRO_HANDLES_H_
#define DECLTAB_TOOLS_SCAN_CAIRO_HANDLES_H_

#include <memory>

#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

namespace decltab::tools {

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct GObjectDeleter {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const {
    pango_font_description_free(d);
  }
};
struct FontOptionsDeleter {
  void operator()(cairo_font_options_t* o) const {
    cairo_font_options_destroy(o);
  }
};

using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using FontDescriptionPtr =
    std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, FontOptionsDeleter>;

}  // namespace decltab::tools

#endif  // DECLTAB_TOOLS_SCAN_CAIRO_HANDLES_H_
