"""Liquid in post bodies (`mkdocs_reeblog.jekyll.liquid`): Jekyll's constructs, problems, limits.

Expected outputs come from jekyll-semantics.md section 3.2 and from a real `jekyll build`
(Debian's Jekyll 4.3.1) of the same constructs; no MkDocs build here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from mkdocs_reeblog.jekyll.frontmatter import read_front_matter
from mkdocs_reeblog.jekyll.liquid import LiquidRenderer, LiquidResult
from mkdocs_reeblog.jekyll.problems import PostError
from tests.jekyll_oracle import CORPORA

SITE_URL = "https://anchor.example.org"
JAPAN = "2024-03-15-japans-strategic-approach-to-rare-earth-elements"
JAPAN_URL = f"/geology/mining/2024/03/15/{JAPAN}.html"
POSTS = {
    JAPAN: JAPAN_URL,
    "sub/2021-03-03-in-subdir": "/2021/03/03/in-subdir.html",
    "/es/2021-03-04-spanish": "/es/2021/03/04/spanish.html",
}
FILES = {f"_posts/{JAPAN}.md": JAPAN_URL}
NOTE_HTML = '<aside class="note"><b>{{ include.title }}</b> {{ include.text }}</aside>'

Render = Callable[..., LiquidResult]


def make_renderer(
    baseurl: str = "",
    includes: Path | None = None,
    site: Mapping[str, Any] | None = None,
    post_url: Callable[[str], str | None] = POSTS.get,
) -> LiquidRenderer:
    return LiquidRenderer(
        site={"url": SITE_URL, "baseurl": baseurl, **(site or {})},
        includes_dir=includes,
        post_url=post_url,
        link_url=FILES.get,
        baseurl=baseurl,
        url=SITE_URL,
    )


def renderer_for(renderer: LiquidRenderer) -> Render:
    def render(source: str, first_line: int = 1, page: Mapping[str, Any] | None = None):
        return renderer.render(source, path="_posts/p.md", first_line=first_line, page=page or {})

    return render


@pytest.fixture
def includes(tmp_path: Path) -> Path:
    folder = tmp_path / "site" / "_includes"
    (folder / "cards").mkdir(parents=True)
    (folder / "note.html").write_text(NOTE_HTML, encoding="utf-8")
    (folder / "cards" / "card.md").write_text("card {{ include.n | plus: 1 }}", encoding="utf-8")
    (folder / "plain.html").write_text("[plain {{ page.title }}]", encoding="utf-8")
    (tmp_path / "site" / "secret.txt").write_text("SECRET", encoding="utf-8")
    return folder


@pytest.fixture
def render(includes: Path) -> Render:
    return renderer_for(make_renderer(includes=includes))


def text_of(render: Render, source: str, **kwargs: Any) -> str:
    """The output of a source that must render without problems."""
    result = render(source, **kwargs)
    assert result.problems == []
    return result.text


def messages(result: LiquidResult) -> list[str]:
    return [str(problem) for problem in result.problems]


# --- No Liquid ------------------------------------------------------------------------------


def test_a_post_without_liquid_is_returned_as_is(render: Render) -> None:
    source = "# Title\n\nText with { braces } and a % sign, `code {x}`.\n"
    result = render(source)
    assert result.text is source
    assert result.problems == []


# --- Section 3.2 of jekyll-semantics.md, with baseurl "" and "/blog" --------------------------

TABLE = [
    ("{{ site.baseurl }}", "", "/blog"),
    (
        '{{ "/assets/images/critical.png" | relative_url }}',
        "/assets/images/critical.png",
        "/blog/assets/images/critical.png",
    ),
    ('{{ "/about/" | absolute_url }}', f"{SITE_URL}/about/", f"{SITE_URL}/blog/about/"),
    (
        "![chart]({{ site.baseurl }}/assets/images/critical.png)",
        "![chart](/assets/images/critical.png)",
        "![chart](/blog/assets/images/critical.png)",
    ),
    (f"{{% post_url {JAPAN} %}}", JAPAN_URL, f"/blog{JAPAN_URL}"),
    (f"{{% link _posts/{JAPAN}.md %}}", JAPAN_URL, f"/blog{JAPAN_URL}"),
    (
        "{% post_url sub/2021-03-03-in-subdir %}",
        "/2021/03/03/in-subdir.html",
        "/blog/2021/03/03/in-subdir.html",
    ),
    (
        "{% post_url /es/2021-03-04-spanish %}",
        "/es/2021/03/04/spanish.html",
        "/blog/es/2021/03/04/spanish.html",
    ),
    (
        '{% include note.html title="Heads up" text="Prices move." %}',
        '<aside class="note"><b>Heads up</b> Prices move.</aside>',
        '<aside class="note"><b>Heads up</b> Prices move.</aside>',
    ),
    (
        "{% highlight python linenos %}\nprint(1)\n{% endhighlight %}",
        "```python?linenums=1\nprint(1)\n```",
        "```python?linenums=1\nprint(1)\n```",
    ),
    (
        '{% highlight ruby %}\nputs "hi"\n{% endhighlight %}',
        '```ruby\nputs "hi"\n```',
        '```ruby\nputs "hi"\n```',
    ),
    ("{% raw %}{{ page.title }}{% endraw %}", "{{ page.title }}", "{{ page.title }}"),
]


@pytest.mark.parametrize("baseurl", ["", "/blog"])
@pytest.mark.parametrize(("source", "plain", "with_base"), TABLE)
def test_jekyll_constructs(
    includes: Path, baseurl: str, source: str, plain: str, with_base: str
) -> None:
    render = renderer_for(make_renderer(baseurl, includes))
    expected = with_base if baseurl else plain
    assert text_of(render, source, page={"title": "T"}) == expected


@pytest.mark.parametrize("baseurl", ["/blog/", "blog"])
def test_baseurl_is_normalised_like_jekyll(baseurl: str) -> None:
    render = renderer_for(make_renderer(baseurl))
    assert (
        text_of(render, '{{ "/x/" | relative_url }} {{ "x" | relative_url }}') == "/blog/x/ /blog/x"
    )


def test_liquid_runs_inside_code_spans_and_fences_but_raw_protects() -> None:
    render = renderer_for(make_renderer("/blog"))
    source = (
        "Use `{{ site.baseurl }}`.\n\n```liquid\n{{ site.baseurl }}\n```\n\n"
        "`{% raw %}{{ site.baseurl }}{% endraw %}`"
    )
    assert text_of(render, source) == (
        "Use `/blog`.\n\n```liquid\n/blog\n```\n\n`{{ site.baseurl }}`"
    )


# --- post_url and link: found, missing, lines -----------------------------------------------


@pytest.mark.parametrize("tag", ["post_url 2025-03-18-Name", "link _posts/2025-03-18-Name.md"])
def test_a_missing_post_or_file_is_a_problem_at_its_file_line(render: Render, tag: str) -> None:
    source = f"one\ntwo\nsee [it]({{% {tag} %}}) here\nfour"
    result = render(source, first_line=8)
    assert result.text == "one\ntwo\nsee [it]() here\nfour"
    [problem] = result.problems
    assert (problem.path, problem.line) == ("_posts/p.md", 10)
    name = tag.split()[1]
    assert problem.message.startswith(f"{tag.split()[0]} '{name}' names no ")


def test_link_argument_may_span_lines_and_contain_liquid(render: Render) -> None:
    source = f"[a]({{% link\n_posts/{JAPAN}.md %}}) [b]({{% link {{{{ page.dir }}}}/{JAPAN}.md %}})"
    assert text_of(render, source, page={"dir": "_posts"}) == f"[a]({JAPAN_URL}) [b]({JAPAN_URL})"


def test_a_failing_callback_is_a_problem_not_a_traceback() -> None:
    def broken(name: str) -> str | None:
        raise KeyError(name)

    render = renderer_for(make_renderer(post_url=broken))
    source = "intro {{ 1 }}\n{% post_url 2024-01-01-x %}"
    result = render(source, first_line=3)
    assert result.text == source
    [problem] = result.problems
    assert problem.line == 3
    assert "KeyError" in problem.message


# --- highlight --------------------------------------------------------------------------------


def test_highlight_uses_a_longer_fence_when_the_code_has_backticks(render: Render) -> None:
    source = "{% highlight markdown %}\n```js\nx\n```\n{% endhighlight %}"
    out = text_of(render, source)
    assert out == "````markdown\n```js\nx\n```\n````"


def test_highlight_renders_liquid_inside_and_marks_lines() -> None:
    render = renderer_for(make_renderer("/blog"))
    source = '  {% highlight Ruby mark_lines="1 2" %}\n\nx = "{{ site.baseurl }}"\n'
    source += "\n  {% endhighlight %}"
    assert text_of(render, source) == '  ```ruby?hl_lines=1+2\nx = "/blog"\n  ```'


def test_highlight_after_text_on_the_same_line_starts_a_new_block(render: Render) -> None:
    out = text_of(render, "A {% highlight sh %}\nls\n{% endhighlight %}")
    assert out == "A \n\n```sh\nls\n```"


@pytest.mark.parametrize(
    "source",
    [
        "{% highlight %}\nx\n{% endhighlight %}",
        "{% highlight python %}\nx\n",
        "{% highlight py th=on! %}\nx\n{% endhighlight %}",
    ],
)
def test_a_malformed_highlight_leaves_the_post_as_written(render: Render, source: str) -> None:
    result = render("before {{ 1 }}\n" + source, first_line=4)
    assert result.text == "before {{ 1 }}\n" + source
    [problem] = result.problems
    assert problem.line == 5
    assert "highlight" in problem.message


# --- include ----------------------------------------------------------------------------------


def test_include_parameters_in_jekyll_syntax(render: Render) -> None:
    source = (
        "{% assign n = 41 %}"
        "{% include note.html title='It\\'s' text=page.title %}|"
        "{% include cards/card.md n=n %}|{% include plain.html %}"
    )
    out = text_of(render, source, page={"title": "Page"})
    assert out == '<aside class="note"><b>It\'s</b> Page</aside>|card 42|[plain Page]'


def test_include_name_may_be_a_variable(render: Render) -> None:
    out = text_of(render, "{% include {{ page.card }} n=1 %}", page={"card": "cards/card.md"})
    assert out == "card 2"


def test_include_inside_capture_then_markdownify(render: Render) -> None:
    source = "{% capture c %}# {% include cards/card.md n=1 %}{% endcapture %}{{ c | markdownify }}"
    assert text_of(render, source) == "<h1>card 2</h1>"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../secret.txt", "refused"),
        ("cards/../../secret.txt", "refused"),
        ("/etc/passwd", "refused"),
        ("out/secret.txt", "refused"),  # a symbolic link leading out of the folder
        ("nothere.html", "is not a file"),
    ],
)
def test_include_outside_the_folder_or_missing_is_a_problem(
    render: Render, includes: Path, name: str, why: str
) -> None:
    if name.startswith("out/"):
        (includes / "out").symlink_to(includes.parent)
    result = render(f"a\nb {{% include {name} %}} c", first_line=20)
    assert result.text == "a\nb  c"
    assert "SECRET" not in result.text
    [problem] = result.problems
    assert problem.line == 21
    assert problem.message.startswith(f"include '{name}'")
    assert why in problem.message


def test_include_without_an_includes_folder_is_a_problem() -> None:
    result = renderer_for(make_renderer())("{% include note.html %}")
    assert result.text == ""
    assert "no includes folder" in result.problems[0].message


def test_problems_inside_an_include_point_at_the_include_tag(
    render: Render, includes: Path
) -> None:
    (includes / "bad.html").write_text("x\n{% oembed y %}\n{% post_url nope %}", encoding="utf-8")
    source = "one\n{% include bad.html %}"
    for _ in range(2):  # the include is parsed once, its problems are reported at each use
        result = render(source, first_line=5)
        assert result.text == "one\nx\n{% oembed y %}\n"
        assert messages(result) == [
            "_posts/p.md:6: in include 'bad.html' line 2: unknown Liquid tag 'oembed'; "
            "the text is left as written",
            "_posts/p.md:6: in include 'bad.html' line 3: post_url 'nope' names no post; "
            "nothing is written there (name the post by its file name without the extension, "
            "e.g. 2024-03-15-my-title or sub/2024-03-15-my-title)",
        ]


def test_an_include_with_a_syntax_error_is_left_out(render: Render, includes: Path) -> None:
    (includes / "broken.html").write_text("{% if %}", encoding="utf-8")
    result = render("a {% include broken.html %} b {{ 1 }}", first_line=2)
    assert result.text == "a  b 1"
    [problem] = result.problems
    assert problem.line == 2
    assert problem.message.startswith("in include 'broken.html' line 1: Liquid syntax error")


def test_parsed_includes_are_cached_per_renderer(render: Render, includes: Path) -> None:
    assert text_of(render, "{% include plain.html %}") == "[plain ]"
    (includes / "plain.html").write_text("changed", encoding="utf-8")
    assert text_of(render, "{% include plain.html %}") == "[plain ]"
    fresh = renderer_for(make_renderer(includes=includes))
    assert text_of(fresh, "{% include plain.html %}") == "changed"


# --- Unknown tags and filters, syntax errors ---------------------------------------------------


def test_unknown_tag_is_kept_as_written_and_the_rest_renders(render: Render) -> None:
    source = "a {{ 1 | plus: 1 }}\n\n{% oembed https://twitter.com/x/status/1 %}\n{%- gist  abc -%}"
    result = render(source, first_line=8)
    # `{%-` strips the line break before it, as in Jekyll; the tag itself is kept as written
    assert result.text == "a 2\n\n{% oembed https://twitter.com/x/status/1 %}{%- gist  abc -%}"
    assert messages(result) == [
        "_posts/p.md:10: unknown Liquid tag 'oembed'; the text is left as written",
        "_posts/p.md:11: unknown Liquid tag 'gist'; the text is left as written",
    ]


def test_unknown_filter_keeps_its_output_statement_as_written(render: Render) -> None:
    source = 'x {{ "a" | upcase }}\n{{ "u" | embed: "t" | upcase }}'
    result = render(source, first_line=2)
    assert result.text == 'x A\n{{ "u" | embed: "t" | upcase }}'
    assert messages(result) == [
        "_posts/p.md:3: unknown Liquid filter 'embed'; the text is left as written"
    ]


def test_unknown_filter_in_a_tag_leaves_the_post_as_written(render: Render) -> None:
    source = "{{ 1 }}\n{% assign x = 'a' | nope %}{{ x }}"
    result = render(source, first_line=4)
    assert result.text == source
    [problem] = result.problems
    assert problem.line == 5
    assert "unknown Liquid filter 'nope'" in problem.message


def test_include_relative_and_misplaced_tags_are_explained(render: Render) -> None:
    result = render("{% include_relative a.md %}\n{% endif %}\n{% else %}")
    assert result.text == "{% include_relative a.md %}\n{% endif %}\n{% else %}"
    assert [p.line for p in result.problems] == [1, 2, 3]
    assert "'include_relative' is not supported" in result.problems[0].message
    assert "'endif' is outside its block" in result.problems[1].message


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("ok\n{{ 1 + }}", 2),
        ("ok\n\n{% if page.x %}\nnever closed", 3),
        ("ok\n{% for %}{% endfor %}", 2),
        ("ok\n{{ unclosed", 2),
    ],
)
def test_syntax_error_leaves_the_whole_post_as_written(
    render: Render, source: str, line: int
) -> None:
    result = render(source, first_line=10)
    assert result.text == source
    [problem] = result.problems
    assert problem.line == 10 + line - 1
    assert problem.message.endswith("the post is left as written (no Liquid applied)")


def test_undefined_variables_are_silent_as_in_jekyll(render: Render) -> None:
    result = render(
        "[{{ site.basurl }}][{{ page.nothing.deeper }}][{% for x in nope %}x{% endfor %}]"
    )
    assert result.text == "[][][]"
    assert result.problems == []


# --- Limits ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{% for i in (1..1000000000) %}x{% endfor %}",
        "{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}",
        "{% assign s = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}"
        "{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}",
        "{% capture s %}{% for i in (1..99999) %}{{ site.big }}{% endfor %}{% endcapture %}",
        "{% for i in (1..99999) %}{{ site.big }}{% endfor %}",
    ],
)
def test_runaway_templates_stop_with_a_problem(source: str) -> None:
    render = renderer_for(make_renderer(site={"big": "y" * 1000}))
    started = time.monotonic()
    result = render("x\n" + source, first_line=3)
    assert time.monotonic() - started < 10
    assert result.text == "x\n" + source
    [problem] = result.problems
    assert problem.line == 4
    assert problem.message.startswith("Liquid stopped: ")


@pytest.mark.parametrize("copies", [1, 3])
def test_recursive_includes_stop_with_a_problem(
    render: Render, includes: Path, copies: int
) -> None:
    (includes / "self.html").write_text("{% include self.html %}" * copies, encoding="utf-8")
    started = time.monotonic()
    result = render("a\n{% include self.html %}", first_line=1)
    assert time.monotonic() - started < 10
    assert result.text == "a\n{% include self.html %}"
    [problem] = result.problems
    assert problem.line == 2
    assert problem.message.startswith("in include 'self.html'")
    assert "Liquid stopped" in problem.message


def test_include_fan_out_is_bounded(render: Render, includes: Path) -> None:
    for level in range(5):  # 10 + 100 + ... + 100 000 includes if nothing stopped them
        (includes / f"l{level}.html").write_text(
            f"{{% include l{level + 1}.html %}}" * 10 if level < 4 else "x", encoding="utf-8"
        )
    started = time.monotonic()
    result = render("{% include l0.html %}")
    assert time.monotonic() - started < 10
    assert result.text == "{% include l0.html %}"
    assert "Liquid stopped: more than 10000 includes" in result.problems[0].message


# --- Filters ----------------------------------------------------------------------------------

MARCH_15 = datetime(2024, 3, 15, tzinfo=timezone.utc)
FILTERS = [
    ('{{ "2024-03-15 10:00:00 +0100" | date_to_xmlschema }}', "2024-03-15T09:00:00+00:00"),
    ("{{ page.date | date_to_xmlschema }}", "2024-03-15T00:00:00+00:00"),
    ("{{ page.date }}", "2024-03-15 00:00:00 +0000"),
    ('{{ page.date | date: "%Y/%m" }}', "2024/03"),
    ('{{ "2024-03-15" | date_to_string }}', "15 Mar 2024"),
    ('{{ "2024-03-01" | date_to_string: "ordinal", "US" }}', "Mar 1st, 2024"),
    ('{{ "2024-03-22" | date_to_string: "ordinal" }}', "22nd Mar 2024"),
    ('{{ "2024-03-13" | date_to_long_string }}', "13 March 2024"),
    ("{{ page.date | date_to_rfc822 }}", "Fri, 15 Mar 2024 00:00:00 +0000"),
    ("{{ nothing | date_to_xmlschema }}", ""),
    ("""{{ "a b&c'd<" | cgi_escape }}""", "a+b%26c%27d%3C"),
    ("""{{ "a b&c'd<é?#[]" | uri_escape }}""", "a%20b&c'd%3C%C3%A9?#[]"),
    ('{{ "example :page" | uri_escape }}', "example%20:page"),
    ("""{{ page.q | xml_escape }}""", "a &lt;b&gt; &amp; &quot;c&quot; 'd'"),
    ("{{ page.tags | jsonify }}", '["t1","t 2"]'),
    ("{{ page.tags | array_to_sentence_string }}", "t1 and t 2"),
    ('{{ "é f" | relative_url }}', "/%C3%A9%20f"),
    ('{{ "" | relative_url }}|{{ nothing | relative_url }}', "|"),
    ('{{ "" | absolute_url }}', f"{SITE_URL}/"),
    ('{{ "https://x.org/a b" | absolute_url }}', "https://x.org/a b"),
    ('{{ "one  two\n three" | normalize_whitespace }}', "one two three"),
    ('{{ "a b c" | number_of_words }}', "3"),
    ('{{ "日本の戦略 is here" | number_of_words: "cjk" }}', "7"),
    (
        '{{ "Café C++ Q&A" | slugify }}|{{ "Café C++ Q&A" | slugify: "pretty" }}',
        "café-c-q-a|café-c++-q&a",
    ),
    ('{{ "Café" | slugify: "latin" }}', "cafe"),
    ("{{ page.items | where: 'tags', 'b' | map: 'n' | join: ',' }}", "1,3"),
    ("{{ page.items | where: 'n', 2 | map: 'n' | join: ',' }}", "2"),
    ("{{ page.items | sort: 'n' | reverse | map: 'n' | join: ',' }}", "3,2,1"),
    ("{{ page.items | group_by: 'kind' | map: 'size' | join: ',' }}", "2,1"),
    ("{{ page.tags | push: 'z' | shift | join: ',' }}", "t 2,z"),
    ("{{ '3.7' | to_integer | plus: 1 }}", "4"),
]
FILTER_PAGE = {
    "date": MARCH_15,
    "tags": ["t1", "t 2"],
    "q": "a <b> & \"c\" 'd'",
    "items": [
        {"n": 1, "tags": ["a", "b"], "kind": "x"},
        {"n": 2, "tags": ["c"], "kind": "y"},
        {"n": 3, "tags": ["b"], "kind": "x"},
    ],
}


@pytest.mark.parametrize(("source", "expected"), FILTERS)
def test_jekyll_filters(render: Render, source: str, expected: str) -> None:
    assert text_of(render, source, page=FILTER_PAGE) == expected


def test_markdownify_outputs_html(render: Render) -> None:
    out = text_of(render, '{{ "*a* and `b`" | markdownify }}')
    assert out == "<p><em>a</em> and <code>b</code></p>"


def test_a_bad_date_is_a_problem(render: Render) -> None:
    source = "x\n{{ 'not a date' | date_to_string }}"
    result = render(source, first_line=2)
    assert result.text == source
    assert [p.line for p in result.problems] == [3]
    assert "invalid date" in result.problems[0].message


def test_standard_tags_work(render: Render) -> None:
    source = (
        "{% assign xs = 'c,a,b' | split: ',' | sort %}"
        "{% capture t %}{% for x in xs %}{{ x }}{% unless forloop.last %}-{% endunless %}"
        "{% endfor %}{% endcapture %}"
        "{% if t == 'a-b-c' %}yes{% else %}no{% endif %} {{ t | upcase }}"
        "{% comment %}{{ x | embed }}{% endcomment %}"
    )
    assert text_of(render, source) == "yes A-B-C"


# --- What the real corpora use -----------------------------------------------------------------


def test_jekyll_docs_issue_links_loop() -> None:
    render = renderer_for(make_renderer(site={"repository": "https://github.com/jekyll/jekyll"}))
    source = (
        '{% assign issue_numbers = "1037|1040" | split: "|" %}\n'
        "{% for issue in issue_numbers %}\n"
        "[#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}\n"
        "{% endfor %}\n"
    )
    out = text_of(render, source)
    assert "[#1037]: https://github.com/jekyll/jekyll/issues/1037\n" in out
    assert "[#1040]: https://github.com/jekyll/jekyll/issues/1040\n" in out
    assert "{%" not in out


def test_jekyll_docs_filter_links_loop() -> None:
    render = renderer_for(make_renderer("/docs-base"))
    source = (
        "{% for filter in page.filters_linked_to %}\n"
        "{% assign filter_slug = filter | slugify %}\n"
        "[{{ filter_slug }}-filter]: {{ filter_slug | prepend: '/docs/liquid/filters/#' "
        "| relative_url }}\n{% endfor %}"
    )
    out = text_of(render, source, page={"filters_linked_to": ["Where Exp"]})
    assert "[where-exp-filter]: /docs-base/docs/liquid/filters/#where-exp\n" in out


def test_18f_oembed_lines_are_each_reported(render: Render) -> None:
    post = (CORPORA / "18f/_posts/2015-03-24-making-twitter-images-more-accessible.md").read_text(
        encoding="utf-8"
    )
    matter = read_front_matter(post)
    result = render(matter.body, first_line=matter.body_line)
    assert [p.line for p in result.problems] == [24, 28, 32]
    assert all("unknown Liquid tag 'oembed'" in p.message for p in result.problems)
    assert (
        "{% oembed https://twitter.com/travelingheidi/status/578569906834264064 %}" in result.text
    )


def test_huxpro_markdown_include_inside_capture() -> None:
    render = renderer_for(make_renderer(includes=CORPORA / "huxpro" / "_includes"))
    post = (CORPORA / "huxpro/_posts/2017-07-12-upgrading-eleme-to-pwa.markdown").read_text(
        encoding="utf-8"
    )
    matter = read_front_matter(post)
    result = render(matter.body, first_line=matter.body_line)
    assert result.problems == []
    assert "{%" not in result.text
    assert result.text.count("<h2") >= 2  # both language versions, as HTML


def _post_files() -> list[Path]:
    found: list[Path] = []
    for pattern in ("*/_posts/**/*", "*/docs/_posts/**/*", "*/*/_posts/**/*"):
        found.extend(path for path in CORPORA.glob(pattern) if path.is_file())
    return sorted(set(found))


def test_every_corpus_post_renders_without_a_traceback() -> None:
    renderers: dict[str, Render] = {}
    rendered = 0
    for path in _post_files():
        site_name = path.relative_to(CORPORA).parts[0]
        includes = CORPORA / site_name / "_includes"
        render = renderers.setdefault(
            site_name, renderer_for(make_renderer(includes=includes if includes.is_dir() else None))
        )
        try:
            matter = read_front_matter(path.read_text(encoding="utf-8"))
        except (PostError, UnicodeDecodeError):
            continue
        result = render(matter.body, first_line=matter.body_line)
        rendered += 1
        for problem in result.problems:
            assert problem.line >= matter.body_line
            # every real post parses and renders: only tags, posts and files are reported
            assert not problem.message.endswith("(no Liquid applied)"), (path, problem)
    assert rendered > 250
