// The SOP page's cells: placed to the pixel, attribute values escaped, heights from lines.
import { cell, grid, textHeight } from "../../src/domain/sop-page-grid";

describe("sop-page-grid", () => {
  test("a cell sits at its box, carries its classes, and escapes attribute values but not its (already escaped) content", () => {
    expect(cell({ x: 10, y: 20, w: 30, h: 40 }, "ctr no", "1<sup>*</sup>", { "data-row": '7"a', "data-x": "<b>" })).toBe(
      '<div class="c ctr no" style="left:10px;top:20px;width:30px;height:40px" data-row="7&quot;a" data-x="&lt;b&gt;">1<sup>*</sup></div>',
    );
    expect(cell({ x: 0, y: 0, w: 1, h: 2 }, "lanec", "")).toBe('<div class="c lanec" style="left:0px;top:0px;width:1px;height:2px"></div>');
  });

  test("a grid is sized exactly around its cells", () => {
    expect(grid(300, 120, "proc", "<i></i>", ' role="table"')).toBe('<div class="grid proc" style="width:300px;height:120px" role="table"><i></i></div>');
    expect(grid(1, 2, "identity", "")).toBe('<div class="grid identity" style="width:1px;height:2px"></div>');
  });

  test("a text box is its lines times the line height, plus padding top and bottom and its border", () => {
    expect(textHeight(1)).toBe(23);
    expect(textHeight(3)).toBe(51);
    expect(textHeight(2, 16)).toBe(41);
  });
});
