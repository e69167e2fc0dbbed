"""The MkDocs plugin: thin glue between MkDocs events and the plain-Python core.

Each handler hands work to ``content`` (load + validate), ``site.views`` (page
models) and ``site.placeholders``; nothing here decides what a page shows.
mkdocs-static-i18n runs one build per language in this process; our handlers
run after its own (lower priority), so helpcentre.site.i18n.current_language is
the language being built.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import clock
from ..checks.gate import PageGate, gate_article
from ..checks.troubleshooters import check as check_trees
from ..checks.uistrings import check as check_ui
from ..checks.urls import UrlPolicy
from ..content import paths
from ..content.corpus import Corpus, load_corpus
from ..content.files import allowed as publishable
from ..content.files import file_problems
from ..content.glossary import Glossary, load_glossary, related_problems
from ..content.placeholders import expand
from ..content.problems import ContentError
from ..content.project import load_project
from ..content.registry import load_registry
from ..content.ui import load_ui_strings
from ..freshness.dashboard import to_html
from ..freshness.policy import load_policy
from ..freshness.problems import freshness_problems
from ..freshness.reader import reader_notices
from ..freshness.report import build_report
from ..search.index import INDEX_NAME, write_language_index
from . import brand, csp, feeds, glossary, i18n, jsonld, sitemap, statusjson, theme, tickets, troubleshoot, views
from .config import HelpCentreConfig

log = get_plugin_logger(__name__)
AFTER_I18N = -110  # mkdocs-static-i18n handles its events at -100
# After i18n's on_post_build, which builds every other language from inside the
# default language's build: at this priority the outermost build is finished.
LAST = -120
DASHBOARD_PATH = "_team/freshness"


class HelpCentrePlugin(BasePlugin[HelpCentreConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.corpus: Corpus | None = None
        self.generated: dict[str, tuple[str, str]] = {}  # src_uri -> (kind, key)
        self.glossary = Glossary({}, "en", {})
        # The safety gate's findings, over every language this process builds;
        # the build fails once, at the end, after all of them were logged.
        self.unsafe: list[str] = []
        # mkdocs-static-i18n builds the other languages from inside the default
        # language's build; this counts how deep we are, so the outermost decides.
        self.depth = 0

    # -- setup -------------------------------------------------------------
    @event_priority(AFTER_I18N)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # `mkdocs build` run on its own is an entry point: without a day in mkdocs.yml it
        # reads the one clock. `helpcentre build` always hands the day in.
        self.today = self.config.today or clock.calendar()
        if self.corpus is None:  # once per process: every language build shares it
            self._load(Path(config.config_file_path).parent)
        self.lang = i18n.current_language(config) or self.corpus.project.default_language
        self.depth += 1
        # mkdocs-static-i18n builds every language into one site_dir; only the default
        # language writes the site-wide 404 page (else the last language built wins,
        # with the language switcher of the last page rendered).
        default = self.corpus.project.default_language
        for name in [t for t in config.theme.static_templates if t.endswith("/404.html")]:
            config.theme.static_templates.discard(name)  # left by the previous language's build
        if self.lang != default:
            config.theme.static_templates.discard("404.html")
            # This language's own "not found" page at /<lang>/404.html, rendered like the
            # site-wide one (absolute links, so it works at any depth); see on_env.
            config.theme.static_templates.add(f"{self.lang}/404.html")
        brand.configure(config, self.corpus.registry.site.brand)
        # Our search worker loads this language's prebuilt index (partials/hc-search.html).
        config.extra["hc_search_index"] = paths.prefix(self.lang, default) + INDEX_NAME
        config.extra["hc_search_words"] = {k: self.ui.text(self.lang, f"search.result_{k}")
                                           for k in ("none", "one", "other")}
        # The line under the results naming the words no article holds (assets/hc-reader.js).
        config.extra["hc_search_words"]["missing"] = self.ui.text(self.lang, "search.missing")
        config.extra["hc_search_words"]["separator"] = self.ui.text(self.lang, "common.separator")
        config.extra["hc_contracts"] = views.contract_search(self._ctx())  # a pasted contract finds its coin
        self._warn_missing_ui_strings()
        # The header and <title> show the site's name in the reader's language,
        # built from the registry's exchange name (escaped: Material prints it raw).
        config.site_name = Markup.escape(self.ui.text(
            self.lang, "home.title", exchange=self.corpus.registry.site.exchange_name))
        return config

    def _load(self, root: Path) -> None:
        try:
            project = load_project(root)
            registry = load_registry(project)
            self.ui = load_ui_strings(project)
            self.policy = load_policy(project, registry)
        except ContentError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError("helpcentre: the configuration above is broken; fix it and build "
                              "again") from None
        corpus = load_corpus(project, registry, today=self.today)
        self.policy_urls = UrlPolicy(registry, project.site_url)
        self.page_gate = PageGate(self.policy_urls)
        # UI strings a page cannot be rendered with (a stray `{`) stop the build here, with
        # check's message, rather than as a traceback half-way through the pages.
        self.glossary, glossary_problems = load_glossary(project)
        problems = [*corpus.problems, *file_problems(project), *check_ui(corpus, self.ui, self.today),
                    *glossary_problems, *related_problems(self.glossary, set(corpus.sources)),
                    *check_trees(corpus, self.ui, self.today)]
        errors = [p for p in problems if p.severity == "error"]
        for problem in problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        if errors:
            raise PluginError(f"helpcentre: {len(errors)} content problem(s) above; run "
                              "`helpcentre check` for the full report")
        if self.config.fail_on_stale:
            # The same errors as `helpcentre check`; due-soon warnings are left to
            # `check`, so `mkdocs build --strict` does not fail two weeks early.
            stale = [p for p in freshness_problems(corpus, self.policy, self.today)
                     if p.severity == "error"]
            for problem in stale:
                log.error(str(problem))
            if stale:
                raise PluginError(f"helpcentre: {len(stale)} freshness problem(s) above "
                                  "(fail_on_stale is on); run `helpcentre check` for the "
                                  "full report")
        self.corpus = corpus

    def _warn_missing_ui_strings(self) -> None:
        for key in self.ui.keys_missing_in(self.lang):
            log.warning(f"translations/{self.lang}.yml: missing UI string `{key}`; readers "
                        f"see the {self.ui.default} text until it is added")

    @event_priority(AFTER_I18N)
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """`<lang>/404.html` is the theme's 404 template under another name."""
        theme.alias_templates(env, {f"{lang}/404.html": "404.html" for lang in self.corpus.project.codes})
        return env

    # -- files and navigation -------------------------------------------------
    @event_priority(AFTER_I18N)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the pages generated from the registries, for the language being built.

        Only files an article may carry are published from content/ (see
        helpcentre.content.files; `check` and the start of the build report the rest).
        """
        assert self.corpus is not None
        content = os.path.realpath(config.docs_dir)
        for file in [f for f in files if not f.generated and (
                not publishable(f.src_uri) or not _inside(f.abs_src_path, content))]:
            files.remove(file)
        default = self.corpus.project.default_language
        registry = self.corpus.registry
        ctx = self._ctx()
        titles = {"home": lambda _: ctx.t("common.home"), "contact": lambda _: ctx.t("contact.title"),
                  "status": lambda _: ctx.t("status.title"), "verify": lambda _: ctx.t("verify.title"),
                  "glossary": lambda _: ctx.t("glossary.title"),
                  "category": lambda key: registry.categories_by_id[key].name(self.lang),
                  "coin": lambda key: ctx.t("coin.title", name=registry.coins[key].name(self.lang),
                                            symbol=key)}
        self.generated = {}
        for kind, key, url in paths.generated(self.lang, default, [c.id for c in registry.categories],
                                              list(registry.coins)):
            title = titles[kind](key)
            src_uri = f"{self.lang}/{paths.dest_of(url).removeprefix(self.lang + '/')}"
            src_uri = src_uri.removesuffix(".html") + ".md"
            front = yaml.safe_dump({"title": title, "hide": ["toc"] if kind != "home"
                                    else ["toc", "navigation"]}, allow_unicode=True)
            file = File.generated(config, src_uri, content=f"---\n{front}---\n")
            file.dest_uri = paths.dest_of(url)
            i18n.mark_generated(file, self.lang, src_uri)
            self.generated[file.src_uri] = (kind, key)
            files.append(file)
        for path, content in brand.files(registry.site.brand):
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
        return files

    @event_priority(AFTER_I18N)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """A short navigation: home, the topics, contact.

        Rendering the whole article tree into every page is what made large
        Material sites slow and heavy; readers reach articles from topic pages
        and search instead.
        """
        by_src = {f.src_uri: f for f in files}
        pages = [by_src[src].page for src, (kind, _) in self.generated.items()
                 if kind in ("home", "category", "contact", "status", "verify", "glossary")]
        items = [p for p in pages if isinstance(p, Page)]
        new = Navigation(items, items)
        new.homepage = items[0]
        return new

    # -- pages ---------------------------------------------------------------
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        assert self.corpus is not None
        # Material's own index would hold every language and be fetched on every
        # page; helpcentre.search replaces it, so it indexes nothing.
        page.meta["search"] = {"exclude": True}
        article = self._article_of(page)
        if article is not None and (article.id, self.lang) in self.corpus.pending:
            # A translation not finished yet (`translation: pending`): readers get the
            # English article, as for a missing translation, never a half-done text.
            markdown = article.body
            if article.meta.title:
                page.meta["title"] = article.meta.title
        ctx = self._ctx()

        def status_of(symbol: str, network: str) -> list[tuple[str, str]]:
            # Markdown links from an article (<lang>/<category>/<id>.md) to the notice's file.
            return [(line.text, f"../{line.source}" if line.source else "")
                    for line in views.status_lines(ctx, symbol, network)]

        return expand(markdown, project=self.corpus.project, registry=self.corpus.registry,
                      ui=self.ui, lang=self.lang, status_of=status_of)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Titles are untrusted text. Material prints page titles without escaping
        (its Jinja environment has no autoescape), in <title>, the header, the
        navigation and the footer; a `Markup` value prints as escaped text there
        and is not escaped twice in our autoescaped partials."""
        if page.title is not None and not isinstance(page.title, Markup):
            page.title = Markup.escape(page.title)
        if isinstance(page.meta.get("title"), str) and not isinstance(page.meta["title"], Markup):
            page.meta["title"] = Markup.escape(page.meta["title"])
        article = self._article_of(page)
        if article is None or page.file.src_uri in self.generated:
            return html
        # The safety gate, as in `helpcentre check`: the page gets the cleaned HTML.
        shown = self.corpus.get(article.id, self.lang) if self.corpus else None
        clean, problems = gate_article(html, shown or article, self.policy_urls,
                                       self._base(page))
        self._unsafe(str(p) for p in problems)
        # Ticket links in the text open the form filled in for this article.
        filled = tickets.prefill(clean, views.ticket_url(self._ctx(), article), self.corpus.registry)
        # The first use of each glossary term links to its entry (helpcentre.site.glossary).
        here = paths.glossary(self.lang, self.corpus.project.default_language)
        return glossary.link_terms(filled, self.glossary, self.lang, get_relative_url(here, page.url))

    @event_priority(AFTER_I18N)
    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        assert self.corpus is not None
        ctx = self._ctx()
        kind, key = self.generated.get(page.file.src_uri, ("", ""))
        default = self.corpus.project.default_language
        same_page = _same_page_url(kind, key, page, default)
        article = self._article_of(page) if kind == "" else None
        if kind == "home":
            context["hc"] = views.home_view(ctx)
        elif kind == "contact":
            context["hc"] = views.contact_view(ctx)
        elif kind == "status":
            context["hc"] = views.status_view(ctx)
        elif kind == "verify":
            context["hc"] = views.verify_view(ctx)
        elif kind == "glossary":
            context["hc"] = glossary.glossary_view(ctx, self.glossary)
        elif kind == "category":
            context["hc"] = views.category_view(ctx, key)
        elif kind == "coin":
            context["hc"] = views.coin_view(ctx, key)
        elif article is not None:
            context["hc"] = views.article_view(ctx, article, self._freshness_banners(ctx, article))
            if article.meta.steps is not None:
                context["hc"].tree = troubleshoot.tree_view(ctx, article)
        if kind in ("home", "contact", "category") and key != troubleshoot.FOLDER:
            context["hc"].trees = troubleshoot.tree_links(ctx, topic=key or None)
        # The language switcher (Material reads config.extra.alternate) always
        # offers every language: a missing translation shows the English text there.
        i18n.set_alternates(config, [{"name": lang.name, "lang": lang.code,
                                      "link": same_page(lang.code)}
                                     for lang in self.corpus.project.languages])
        context["hc_footer"] = views.footer_view(ctx, same_page)
        context["hc_search_help"] = views.search_help(ctx)
        view = context.get("hc")
        summary = getattr(view, "summary", "") or getattr(view, "intro", "")
        context["hc_head"] = views.head_view(
            ctx, same_page, description=summary or ctx.t("home.intro"), article=article)
        context["hc_csp"] = Markup(csp.POLICY)  # a constant: no reader text in it
        if article is not None:  # escaped for <script> by script_text, so safe as is
            context["hc_jsonld"] = Markup(jsonld.script_text(jsonld.for_article(
                self.corpus, article, self.lang, context["hc_head"].canonical)))
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The gate over the whole page as written; then allow the theme's own
        inline scripts by hash (see helpcentre.site.csp).

        An article's own HTML was judged in on_page_content, with its source
        lines; here the rest of the page is (the theme, the generated pages).
        """
        rest = output.replace(page.content, "") if page.content else output
        self._unsafe(f"{page.file.dest_uri}: error: {f.message}"
                     for f in self.page_gate.findings(rest, self._base(page), self.lang))
        return csp.apply(output, page.content, live_reload=self.config.live_reload)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page gets the gate and the same policy as every other page."""
        if not template_name.endswith(".html"):
            return output_content
        base = self.policy_urls.base_for(template_name)
        self._unsafe(f"{template_name}: error: {f.message}"
                     for f in self.page_gate.findings(output_content, base, self.lang))
        return csp.apply(output_content, None, live_reload=self.config.live_reload)

    def _base(self, page: Page) -> str:
        return self.policy_urls.base_for(page.url)

    def _unsafe(self, messages: Any) -> None:
        for message in messages:
            log.error(message)
            self.unsafe.append(message)

    @event_priority(LAST)
    def _refuse_unsafe(self, config: MkDocsConfig) -> None:
        """Refuse the build once every language is written, if the gate found anything."""
        self.depth -= 1
        if self.depth > 0:
            return  # a language built from inside another's build; the outer one decides
        found, self.unsafe = self.unsafe, []
        if found:
            raise PluginError(f"helpcentre: the safety gate refused {len(found)} thing(s) above; "
                              "nothing was published. Run `helpcentre check` to see them with file "
                              "and line")

    def _article_of(self, page: Page) -> Any:
        assert self.corpus is not None
        parts = page.file.src_uri.split("/")
        if len(parts) != 3:
            return None
        return self.corpus.sources.get(parts[2].removesuffix(".md"))

    def _freshness_banners(self, ctx: views.Context, article: Any) -> list[views.Banner]:
        """Outdated-translation notice always; overdue only in previews (see fail_on_stale)."""
        assert self.corpus is not None
        default = self.corpus.project.default_language
        banners = []
        for kind, day in reader_notices(self.corpus, article.id, self.lang, self.today,
                                        self.policy):
            if kind == "outdated":
                english = paths.article(default, default, article.category, article.id)
                banners.append(views.Banner("outdated", ctx.t("article.outdated"),
                                            views.Link(ctx.t("article.outdated_link"), english)))
            elif kind == "overdue" and day is not None and not self.config.fail_on_stale:
                banners.append(views.Banner("overdue", ctx.t("article.overdue",
                                                             date=ctx.ui.date(self.lang, day))))
        return banners

    def _ctx(self) -> views.Context:
        assert self.corpus is not None
        return views.Context(self.corpus, self.ui, self.lang, self.today)

    @event_priority(AFTER_I18N)  # after mkdocs-static-i18n sets the language switcher
    def on_template_context(self, context: dict[str, Any], template_name: str,
                            config: MkDocsConfig) -> dict[str, Any]:
        if template_name == "sitemap.xml" and self.corpus is not None:
            context["hc_sitemap"] = sitemap.render(self.corpus)
        if template_name.endswith("404.html") and self.corpus is not None:
            # The "not found" page, in the language of its folder (404.html: the default).
            # Links stay absolute from the site root: the page answers for any missing URL.
            lang = template_name.split("/")[0] if "/" in template_name else self.corpus.project.default_language
            ctx = views.Context(self.corpus, self.ui, lang, self.today)
            default = self.corpus.project.default_language
            context["hc"] = views.notfound_view(ctx)
            context["hc_footer"] = views.footer_view(ctx, lambda code: paths.notfound(code, default))
            context["hc_search_help"] = views.search_help(ctx)
            context["base_url"] = theme.site_path(config)
            context["hc_languages"] = " ".join(c for c in self.corpus.project.codes if c != default)
            # The language switcher offers the other languages' 404 pages (not whatever page
            # was rendered last, which is what config.extra.alternate holds at this point).
            i18n.set_alternates(config, [{"name": language.name, "lang": language.code,
                                          "link": paths.notfound(language.code, default)}
                                         for language in self.corpus.project.languages])
        if template_name.endswith(".html"):
            context["hc_csp"] = Markup(csp.POLICY)  # a constant: no reader text in it
        return context

    def _write_extras(self, config: MkDocsConfig) -> None:
        """This language's search index and feed (and, once, the team dashboard)."""
        for lang, key in sorted(self.ui.missing):
            if key not in self.ui.strings.get(self.ui.default, {}):
                log.warning(f"translations/{self.ui.default}.yml: missing UI string `{key}` "
                            f"(needed by the {lang} pages)")
        self.ui.missing.clear()
        assert self.corpus is not None
        default = self.corpus.project.default_language
        path, stats, problems = write_language_index(
            self.corpus, self.lang, self.today,
            Path(config.site_dir) / paths.prefix(self.lang, default),
            lambda article, lang: paths.article(lang, default, article.category, article.id))
        for problem in problems:
            log.warning(str(problem))
        log.info(f"search: {path}: {stats.docs} articles, {stats.raw_bytes // 1024} KB "
                 f"({stats.gzip_bytes // 1024} KB gzipped)")
        ctx = self._ctx()
        feed = feeds.build_feed(self.corpus, self.lang, self.today,
                                title=ctx.t("home.title", exchange=self.corpus.registry.site.exchange_name),
                                description=ctx.t("home.intro"))
        feeds.write_feed(feed, Path(config.site_dir) / paths.prefix(self.lang, default))
        if self.lang == default:  # one file for every language: reasons in each
            statusjson.write(self.corpus, self.today, Path(config.site_dir))
        if self.config.dashboard and self.lang == default:
            target = Path(config.site_dir) / DASHBOARD_PATH / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            page = csp.standalone(to_html(build_report(self.corpus, self.policy, self.today)))
            self._unsafe(f"{DASHBOARD_PATH}/index.html: error: {f.message}" for f in self.page_gate.findings(
                page, self.policy_urls.base_for(DASHBOARD_PATH + "/"), self.lang))
            target.write_text(page, encoding="utf-8")

    on_post_build = CombinedEvent(_write_extras, _refuse_unsafe)


def _inside(path: str | None, folder: str) -> bool:
    """False for a file reached through a symbolic link that leads out of ``folder``."""
    return path is not None and os.path.realpath(path).startswith(folder + os.sep)


def _same_page_url(kind: str, key: str, page: Page, default: str):  # noqa: ANN202
    """A function: language code -> URL of this same page in that language."""
    if kind == "home":
        return lambda lang: paths.home(lang, default)
    if kind == "contact":
        return lambda lang: paths.contact(lang, default)
    if kind in ("status", "verify", "glossary"):
        return lambda lang: getattr(paths, kind)(lang, default)
    if kind == "category":
        return lambda lang: paths.category(lang, default, key)
    if kind == "coin":
        return lambda lang: paths.coin(lang, default, key)
    parts = page.file.src_uri.split("/")
    if len(parts) == 3:
        return lambda lang: paths.article(lang, default, parts[1], parts[2].removesuffix(".md"))
    return lambda lang: paths.home(lang, default)
