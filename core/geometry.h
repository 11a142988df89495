// Axis-aligned rectangles in pixels of a page image (at that page's dpi).
#ifndef DECLTAB_CORE_GEOMETRY_H_
#define DECLTAB_CORE_GEOMETRY_H_

#include <algorithm>

namespace decltab {

struct Rect {
  int x = 0, y = 0, width = 0, height = 0;

  int right() const { return x + width; }
  int bottom() const { return y + height; }
  bool empty() const { return width <= 0 || height <= 0; }
  int area() const { return empty() ? 0 : width * height; }
  bool Contains(int px, int py) const {
    return px >= x && px < right() && py >= y && py < bottom();
  }
  Rect Intersect(const Rect& o) const {
    int l = std::max(x, o.x), t = std::max(y, o.y);
    int r = std::min(right(), o.right()), b = std::min(bottom(), o.bottom());
    return r > l && b > t ? Rect{l, t, r - l, b - t} : Rect{};
  }
  bool operator==(const Rect& o) const {
    return x == o.x && y == o.y && width == o.width && height == o.height;
  }
};

}  // namespace decltab

#endif  // DECLTAB_CORE_GEOMETRY_H_
