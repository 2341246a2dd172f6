// Linli Forum's one script, an addition only: every page works without it.
// A quote link on a topic page with the quick reply puts the quoted post into the quick reply's
// box, without leaving the page; without JavaScript the link opens the reply page with the quote.
document.addEventListener('click', async (event) => {
    const link = event.target.closest ? event.target.closest('a.quote') : null;
    const box = document.getElementById('quickReplyBody');
    if (!link || !box || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
    }
    event.preventDefault();
    try {
        const response = await fetch(link.href.replace('/post/reply?', '/post/quote?'), {credentials: 'same-origin'});
        if (!response.ok) {
            throw new Error(String(response.status));
        }
        const quote = await response.text();
        const before = box.value.replace(/\s+$/, '');
        box.value = (before ? before + '\n\n' : '') + quote.replace(/\s+$/, '') + '\n\n';
        box.focus();
        box.setSelectionRange(box.value.length, box.value.length);
    } catch (e) {
        window.location.href = link.href;
    }
});

// A picture uploaded into a posting form goes into the text where the cursor is, with one click;
// without JavaScript the form shows its line to copy there (the buttons stay hidden).
document.querySelectorAll('button.insert-picture').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => {
        const box = document.getElementById('form:body');
        if (!box) {
            return;
        }
        const at = box.selectionStart ?? box.value.length;
        const line = button.dataset.markdown;
        const before = box.value.slice(0, at);
        const text = (before && !before.endsWith('\n') ? '\n' : '') + line + '\n';
        box.value = before + text + box.value.slice(box.selectionEnd ?? at);
        box.focus();
        box.setSelectionRange(at + text.indexOf('[') + 1, at + text.indexOf('[') + 1);
    });
});
