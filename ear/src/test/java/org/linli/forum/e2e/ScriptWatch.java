package org.linli.forum.e2e;

import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches pages in Chromium for anything a hostile text could make happen: alert, confirm,
 * prompt and print are replaced before any page script runs, every CSP violation is recorded
 * (a blocked inline script is still an injection that reached the page), and the page's content
 * is searched for dangerous elements, event-handler attributes and script URLs.
 */
final class ScriptWatch {

    /** Pages read, and what was found on them. */
    static final class Report {
        private int pages;
        private final List<String> problems = new ArrayList<>();

        int pages() {
            return pages;
        }

        List<String> problems() {
            return problems;
        }
    }

    private static final String HOOKS = """
            window.__xss = [];
            for (const name of ['alert', 'confirm', 'prompt', 'print']) {
                window[name] = function () { window.__xss.push(name + '(' + Array.from(arguments).join(',') + ')'); };
            }
            document.addEventListener('securitypolicyviolation',
                e => window.__xss.push('csp ' + e.violatedDirective + ' ' + e.blockedURI));
            """;

    private static final String INSPECT = """
            const problems = [...(window.__xss || [])];
            const main = document.querySelector('main');
            if (!main) { problems.push('no page content'); }
            const dangerous = 'script,iframe,object,embed,style,form,frame,frameset,base,link,meta,svg,math,img,video,audio,input,button,textarea';
            // The topic page's own forms (quick reply, status step) are the page's, not a text's.
            const own = 'main > form#statusStep, main > section#quickReply > form#quickReplyForm';
            for (const element of main ? main.querySelectorAll(dangerous) : []) {
                if (!element.closest(own)) {
                    problems.push('element ' + element.outerHTML.slice(0, 120));
                }
            }
            for (const element of main ? main.querySelectorAll('*') : []) {
                for (const attribute of element.attributes) {
                    const name = attribute.name.toLowerCase();
                    if (name.startsWith('on') || name === 'style' || name === 'srcdoc') {
                        problems.push('attribute ' + name + ' on ' + element.tagName);
                    }
                    if (['href', 'src', 'action', 'formaction', 'srcset', 'xlink:href', 'background', 'poster'].includes(name)
                            && /^\\s*(javascript|vbscript|data|livescript):/i.test(attribute.value)) {
                        problems.push('url ' + attribute.value.slice(0, 120));
                    }
                }
            }
            const titles = {};
            for (const link of document.querySelectorAll('a.topic-title')) {
                titles[link.getAttribute('href').replace(/.*id=/, '')] = link.textContent;
            }
            const heading = document.querySelector('h1.topic-title');
            const topic = new URLSearchParams(location.search).get('id');
            if (heading && topic) { titles[topic] = heading.textContent; }
            return {problems: problems, titles: titles};
            """;

    private ScriptWatch() {
    }

    static void install(ChromeDriver browser) {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOKS));
    }

    /** Opens a page, records what got through, and returns the topic titles it shows by topic id. */
    @SuppressWarnings("unchecked")
    static Map<Long, String> read(ChromeDriver browser, URL page, Report report) {
        browser.get(page.toString());
        Map<String, Object> found = (Map<String, Object>) browser.executeScript(INSPECT);
        report.pages++;
        for (Object problem : (List<Object>) found.get("problems")) {
            report.problems.add(page.getPath() + "?" + page.getQuery() + ": " + problem);
        }
        Map<Long, String> titles = new HashMap<>();
        ((Map<String, Object>) found.get("titles")).forEach((id, title) -> titles.put(Long.parseLong(id), (String) title));
        return titles;
    }
}
