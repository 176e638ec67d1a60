// The SOP page's text helpers: escaping text from people, and the width estimate that decides how tall a row is.
import { esc, lineCount, textWidth } from "../../src/domain/sop-page-text";

describe("esc", () => {
  test("every character that could open markup or close an attribute is escaped; other text is kept", () => {
    expect(esc(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    expect(esc("Surat ke-2 (biasa)")).toBe("Surat ke-2 (biasa)");
    expect(esc("&&")).toBe("&amp;&amp;");
    expect(esc(42 as unknown as string)).toBe("42");
  });
});

describe("textWidth", () => {
  test("narrow, wide and unknown characters at a font size; bold runs are 8% wider", () => {
    expect(textWidth("i", 10)).toBeCloseTo(2.3);
    expect(textWidth("W", 10)).toBeCloseTo(9.5);
    expect(textWidth("m", 10)).toBeCloseTo(8.4);
    expect(textWidth("€", 10)).toBeCloseTo(6);
    expect(textWidth("ab", 20)).toBeCloseTo(22.4);
    expect(textWidth("ab", 20, true)).toBeCloseTo(24.192);
    expect(textWidth("", 10)).toBe(0);
  });
});

describe("lineCount", () => {
  // "aaaa aaaa" at 10 px: 22.4 + 2.9 + 22.4 = 47.7 px; the usable width is 98.5 % of the box less 1 px.
  test("two words share a line exactly while they fit the usable width, and wrap just past it", () => {
    expect(lineCount("aaaa aaaa", 49.5, 10)).toBe(1);
    expect(lineCount("aaaa aaaa", 49.4, 10)).toBe(2);
    expect(lineCount("aaaa aaaa aaaa", 49.5, 10)).toBe(2);
    expect(lineCount("aaaa aaaa aaaa", 76, 10)).toBe(1);
    // Bold text is wider: the same words need two lines.
    expect(lineCount("aaaa aaaa", 49.5, 10, true)).toBe(2);
    expect(lineCount("aaaa aaaa", 54, 10, true)).toBe(1);
  });

  test("blank text and empty paragraphs still take a line each; runs of spaces are one space", () => {
    expect(lineCount("", 100, 10)).toBe(1);
    expect(lineCount("a\n\nb", 100, 10)).toBe(3);
    expect(lineCount("  aaaa     aaaa  ", 49.5, 10)).toBe(1);
    expect(lineCount("aaaa\taaaa", 49.4, 10)).toBe(2);
  });

  test("a word longer than the box is broken onto as many lines as it needs, and the next word follows on", () => {
    // 20 "a" = 112 px in a box of 50 px (48.25 usable): three lines, the last 15.5 px long.
    const long = "a".repeat(20);
    expect(lineCount(long, 50, 10)).toBe(3);
    expect(lineCount(`aaaa ${long}`, 50, 10)).toBe(4);
    expect(lineCount(`${long} aaaa`, 50, 10)).toBe(3);
    expect(lineCount(`${long} aaaa aaaa`, 50, 10)).toBe(4);
    // 40 "a": 224 px, 4.64 usable widths: five lines.
    expect(lineCount("a".repeat(40), 50, 10)).toBe(5);
    // A word exactly as wide as the usable width (16 px at 16 px: the box is narrower than the font) needs one line.
    expect(lineCount("cc", 0, 16)).toBe(1);
    expect(lineCount("cc cc", 0, 16)).toBe(2);
    expect(lineCount("ccc c", 0, 16)).toBe(3);
  });

  test("a box narrower than the font still counts at least one font size per line", () => {
    expect(lineCount("a a", 0, 10)).toBe(2);
    expect(lineCount("i i", 0, 10)).toBe(1);
  });
});
