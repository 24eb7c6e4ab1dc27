// A time-zone select marked data-browser-zone starts at the browser's own zone: the server cannot know it, and
// without JavaScript the company's zone stays selected. A zone the person chose (a form shown again) is left alone.
for (const select of document.querySelectorAll('select[data-browser-zone]')) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && [...select.options].some((option) => option.value === zone)) select.value = zone;
}
