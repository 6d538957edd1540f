using Microsoft.Playwright;

namespace Portal.Tests.E2E;

/// <summary>
/// What a page must hold on a phone screen, measured in the page itself: nothing wider than the screen,
/// and every control big enough for a thumb (44×44 CSS px, as Apple's and WCAG's target size guidance asks).
/// </summary>
internal static class PhoneFit
{
    public const int MinimumTarget = 44;

    /// <summary>
    /// Waits until no "loading" placeholder is left: a page's first interactive render loads its data again,
    /// and a measure or a screenshot taken before that sees the placeholder instead of the page.
    /// </summary>
    public static async Task<bool> SettledAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("""
                () => ![...document.querySelectorAll('[data-testid=loading], main *')].some(e =>
                    e.checkVisibility() && (e.matches('[data-testid=loading]')
                        || (e.childElementCount === 0 && /^(加载中|正在加载|Loading)…$/.test(e.textContent.trim()))))
                """, null, new() { Timeout = 10_000, PollingInterval = 50 });
        }
        catch (TimeoutException)
        {
            return false;
        }

        // Layout after web fonts and the next frame, so what is measured is what a person sees.
        await page.EvaluateAsync("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))");
        return true;
    }

    /// <summary>Null when the page fits its width; otherwise its width and the elements that stick out of their container.</summary>
    public static Task<string?> OverflowAsync(IPage page) => page.EvaluateAsync<string?>("""
        () => {
            const width = Math.min(window.innerWidth, document.documentElement.clientWidth);
            const scrollWidth = document.documentElement.scrollWidth;
            if (scrollWidth <= width) {
                return null;
            }

            const describe = e => e.tagName.toLowerCase() + [...e.classList].slice(0, 2).map(c => '.' + c).join('')
                + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '');
            const sticksOut = e => e.getBoundingClientRect().right > width + 0.5;
            const culprits = [...document.body.querySelectorAll('*')]
                .filter(e => sticksOut(e) && e.parentElement && !sticksOut(e.parentElement) && e.checkVisibility())
                .slice(0, 5)
                .map(e => `${describe(e.parentElement)} > ${describe(e)} (right edge ${Math.round(e.getBoundingClientRect().right)}px)`);
            return `page is ${scrollWidth}px wide on a ${width}px screen; sticking out: ${culprits.join('; ') || 'nothing visible'}`;
        }
        """);

    /// <summary>
    /// The visible controls smaller than 44×44, as "tag[data-testid].class "text" w×h". Controls are links,
    /// buttons, form fields, summaries, elements with a button, link or tab role, and elements that take
    /// keyboard focus (tabindex ≥ 0; tabindex="-1" only lets a script focus a heading or region).
    /// Two narrow exemptions: a link that is inline text in a paragraph (WCAG 2.5.8's "inline" case: it
    /// sits in a sentence, enlarging it would break the line), and a checkbox or radio button whose
    /// label is big enough (tapping the label toggles it, so the label is the target).
    /// Elements of 1 px or less (visually hidden, for screen readers) are not visible.
    /// </summary>
    public static Task<string[]> SmallTargetsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        min => {
            const natives = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
            const roles = '[role=button], [role=link], [role=tab], [role=checkbox], [role=radio], [role=switch]';
            const bigEnough = box => box.width >= min - 0.5 && box.height >= min - 0.5;
            const inlineInParagraph = e => {
                const paragraph = e.closest('p');
                return e.tagName === 'A' && getComputedStyle(e).display === 'inline' && paragraph !== null
                    && paragraph.textContent.trim().length > e.textContent.trim().length;
            };
            const labelledChoice = e => e.matches('input[type=checkbox], input[type=radio]')
                && [...e.labels].some(label => bigEnough(label.getBoundingClientRect()));
            const describe = (e, box) => {
                const text = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('placeholder') || e.value || '')
                    .trim().replace(/\s+/g, ' ').slice(0, 24);
                return e.tagName.toLowerCase() + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '')
                    + [...e.classList].slice(0, 2).map(c => '.' + c).join('') + ` "${text}" ${Math.round(box.width)}×${Math.round(box.height)}`;
            };
            const small = [];
            for (const e of document.querySelectorAll(`${natives}, ${roles}, [tabindex]`)) {
                if (!e.matches(`${natives}, ${roles}`) && e.tabIndex < 0) {
                    continue;
                }

                const box = e.getBoundingClientRect();
                if (box.width <= 1 || box.height <= 1 || e.closest('[inert]') || !e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
                    continue;
                }

                if (!bigEnough(box) && !inlineInParagraph(e) && !labelledChoice(e)) {
                    small.push(describe(e, box));
                }
            }

            return small;
        }
        """, MinimumTarget);
}
