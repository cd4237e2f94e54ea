// Review dashboard charts: drawn from the same JSON the API serves (data-url), so the page and the API
// can never disagree. Labels come from data- attributes (the page's language); clicking a bar drills down.
(function () {
  'use strict';
  const root = document.getElementById('review-charts');
  if (!root || typeof echarts === 'undefined') { return; }
  const label = function (name) { return root.getAttribute('data-label-' + name); };
  const drill = root.getAttribute('data-drill');
  const weekdays = (root.getAttribute('data-weekdays') || '1,2,3,4,5,6,7').split(',');
  const colors = { COMPLETED: '#198754', STOPPED: '#fd7e14', ABANDONED: '#dc3545', IN_PROGRESS: '#0d6efd' };
  const outcomes = [['COMPLETED', 'completed', 'completed'], ['STOPPED', 'stopped', 'stopped'],
    ['ABANDONED', 'abandoned', 'abandoned'], ['IN_PROGRESS', 'in-progress', 'inProgress']];
  const chart = function (name) {
    const element = root.querySelector('[data-chart="' + name + '"]');
    return element ? echarts.init(element) : null;
  };
  // Program names in the page's language; the API speaks in codes, which the drill-down links keep.
  const programNames = {};
  document.querySelectorAll('#program-names [data-code]').forEach(function (li) {
    programNames[li.getAttribute('data-code')] = li.textContent;
  });
  const go = function (outcome, extra) { window.location.href = drill + '&outcome=' + outcome + (extra || ''); };

  fetch(root.getAttribute('data-url'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (report) {
      const months = chart('months');
      if (months) {
        const series = outcomes.map(function (o) {
          return { name: label(o[1]), type: 'bar', stack: 'courses', itemStyle: { color: colors[o[0]] },
            outcome: o[0], data: report.byMonth.map(function (m) { return m[o[2]]; }) };
        });
        series.push({ name: label('rate'), type: 'line', yAxisIndex: 1, smooth: true, itemStyle: { color: '#212529' },
          data: report.byMonth.map(function (m) { return m.completionRate === null ? null : Math.round(m.completionRate * 100); }) });
        months.setOption({
          animation: false, tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 10, right: 10, top: 20, bottom: 50, containLabel: true },
          xAxis: { type: 'category', data: report.byMonth.map(function (m) { return m.month; }) },
          yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
          series: series
        });
        months.on('click', function (p) {
          const o = outcomes[p.seriesIndex];
          if (o) { go(o[0], '&month=' + encodeURIComponent(p.name)); }
        });
      }
      const programs = chart('programs');
      if (programs) {
        programs.setOption({
          animation: false, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { bottom: 0 },
          grid: { left: 10, right: 20, top: 10, bottom: 50, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: report.byProgram.map(function (p) { return programNames[p.program] || p.program; }) },
          series: outcomes.map(function (o) {
            return { name: label(o[1]), type: 'bar', stack: 'courses', itemStyle: { color: colors[o[0]] },
              label: { show: true, formatter: function (v) { return v.value >= 8 ? v.value : ''; } }, // small segments stay unlabelled rather than overlap
              data: report.byProgram.map(function (p) { return p[o[2]]; }) };
          })
        });
        programs.on('click', function (p) {
          const o = outcomes[p.seriesIndex];
          if (o) { go(o[0], '&program=' + encodeURIComponent(report.byProgram[p.dataIndex].program)); }
        });
      }
      const noShows = chart('noShows');
      if (noShows) {
        const hours = [];
        report.noShowsByWeekdayHour.forEach(function (c) { if (hours.indexOf(c.hour) < 0) { hours.push(c.hour); } });
        hours.sort(function (a, b) { return a - b; });
        const cells = report.noShowsByWeekdayHour.map(function (c) {
          return [hours.indexOf(c.hour), c.weekday - 1, Math.round(c.noShows * 1000 / c.planned) / 10, c.noShows, c.planned];
        });
        const max = cells.reduce(function (m, c) { return Math.max(m, c[2]); }, 1);
        noShows.setOption({
          animation: false,
          tooltip: { formatter: function (p) {
            return weekdays[p.value[1]] + ' ' + hours[p.value[0]] + ':00 — ' + p.value[2] + '% (' + label('no-shows') + ' '
              + p.value[3] + ' / ' + label('planned') + ' ' + p.value[4] + ')';
          } },
          grid: { left: 50, right: 20, top: 10, bottom: 60 },
          xAxis: { type: 'category', data: hours.map(function (h) { return h + ':00'; }), splitArea: { show: true } },
          yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
          visualMap: { dimension: 2, min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
            inRange: { color: ['#f8f9fa', '#fbe9eb', '#dc3545'] }, formatter: '{value}%' },
          series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: function (p) { return p.value[3] || ''; } } }]
        });
        noShows.on('click', function () { go('NO_SHOW'); });
      }
      window.addEventListener('resize', function () {
        [months, programs, noShows].forEach(function (c) { if (c) { c.resize(); } });
      });
      root.setAttribute('data-drawn', 'true');
    })
    .catch(function () { root.setAttribute('data-drawn', 'failed'); });
})();
