/* apply.html: the applicant's own application, then the confirmation. */
(function () {
  'use strict';

  function start() {
    var applySection = document.getElementById('apply');
    var done = document.getElementById('done');
    ApplicationForm.create(document.getElementById('form-root'), {
      county: Portal.param('county'),
      onSubmitted: function (result) {
        applySection.hidden = true;
        done.hidden = false;
        done.textContent = '';
        done.appendChild(Confirmation.render(result, {
          again: Portal.el('a', { class: 'button secondary', href: '/apply.html' },
            Portal.both('再申请一项', 'Apply for something else'))
        }));
        window.scrollTo(0, 0);
        done.querySelector('h1').focus();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
