/*
 * report.html's glue: builds ECharts options from the JSON data Gradus embedded (every statistic
 * is computed in Java; nothing here computes one), and sorts and filters the tables.
 */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('gradus-data').textContent);

  function fmt(v) {
    if (v === null || v === undefined || v === '') {
      return '–';
    }
    var n = Number(v);
    if (n === 0) {
      return '0';
    }
    var a = Math.abs(n);
    return a >= 1e-3 && a < 1e6 ? String(Number(n.toPrecision(3))) : n.toExponential(2).replace('e+', 'e');
  }

  function logLabel(v) {
    return Number(v).toExponential(0).replace('e+', 'e');
  }

  function zip(xs, ys) {
    return xs.map(function (x, k) {
      return [x, ys[k]];
    });
  }

  function legend(names) {
    return {
      type: 'scroll', orient: 'vertical', right: 8, top: 40, bottom: 20, data: names,
      textStyle: {width: 210, overflow: 'truncate'}, tooltip: {show: true}
    };
  }

  function base(c, xAxis, yAxis) {
    return {
      animation: false,
      title: {text: c.title, left: 8, top: 4, textStyle: {fontSize: 14}},
      grid: {left: 72, right: 260, top: 48, bottom: 76},
      toolbox: {right: 260, top: 4, feature: {dataZoom: {}, restore: {}, saveAsImage: {}}},
      xAxis: xAxis,
      yAxis: yAxis,
      dataZoom: [
        {type: 'inside', xAxisIndex: 0, filterMode: 'none'},
        {type: 'slider', xAxisIndex: 0, filterMode: 'none', bottom: 12, height: 20}
      ],
      legend: legend(c.series.map(function (s) { return s.name; }))
    };
  }

  function axis(type, name, extra) {
    var a = {type: type, name: name, nameLocation: 'middle', nameGap: 30,
      axisLabel: {formatter: type === 'log' ? logLabel : fmt}};
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }

  function convergence(c) {
    var yType = c.yLog ? 'log' : 'value';
    var option = base(c,
      axis('log', c.xName + ' (log scale)', {min: c.x[0], max: c.x[c.x.length - 1]}),
      axis(yType, c.yName, {nameGap: 56, min: c.yMin === null ? undefined : c.yMin,
        max: c.yMax === null ? undefined : c.yMax}));
    option.series = [];
    c.series.forEach(function (s, i) {
      option.series.push({
        id: 'm' + i, name: s.name, type: 'line', data: zip(c.x, s.median), symbol: 'none',
        connectNulls: false, color: s.colour, lineStyle: {width: 2, type: s.dash}
      });
      if (s.lower) {
        ['lower', 'upper'].forEach(function (q) {
          option.series.push({
            id: q + i, name: s.name, type: 'line', data: zip(c.x, s[q]), symbol: 'none',
            silent: true, color: s.colour, lineStyle: {width: 1, opacity: 0.45, type: s.dash},
            tooltip: {show: false}
          });
        });
      }
      if (s.marks.length) {
        option.series.push({
          id: 'x' + i, name: s.name, type: 'scatter', data: s.marks, symbol: 'triangle',
          symbolSize: 11, color: s.colour, z: 5,
          tooltip: {trigger: 'item', formatter: function (p) {
            var raw = p.value[2];
            return s.name + '<br>median left the axis after ' + fmt(p.value[0]) +
              ' evaluations: ' + (raw === null ? 'diverged (not finite)' : fmt(raw));
          }}
        });
      }
    });
    option.tooltip = {
      trigger: 'axis', confine: true, axisPointer: {type: 'line'},
      formatter: function (params) {
        var rows = params.filter(function (p) { return p.seriesId.charAt(0) === 'm'; });
        if (!rows.length) {
          return '';
        }
        var k = rows[0].dataIndex;
        var out = fmt(c.x[k]) + ' evaluations';
        rows.forEach(function (p) {
          var s = c.series[Number(p.seriesId.slice(1))];
          var m = s.median[k];
          var text = m === null ? '–' : (c.yMax !== null && m >= c.yMax ? '≥ ' + fmt(c.yMax) + ' (off the axis)' : fmt(m));
          if (s.lower && m !== null && !(c.yMax !== null && m >= c.yMax)) {
            text += ' [' + fmt(s.lower[k]) + ', ' + fmt(s.upper[k]) + ']';
          }
          out += '<br>' + p.marker + s.name + ': ' + text;
        });
        return out;
      }
    };
    return option;
  }

  function ecdf(c) {
    var option = base(c,
      axis('log', 'evaluations (log scale)', {min: 1, max: c.xMax}),
      axis('value', 'share of (run, target) pairs', {min: 0, max: 1, nameGap: 44}));
    option.series = c.series.map(function (s) {
      return {name: s.name, type: 'line', step: 'end', data: s.points, symbol: 'none',
        color: s.colour, lineStyle: {width: 2, type: s.dash}};
    });
    option.tooltip = {trigger: 'axis', confine: true, valueFormatter: fmt};
    return option;
  }

  function profile(c) {
    var xType = c.xLogBase > 0 ? 'log' : 'value';
    var xExtra = {min: c.xMin, max: c.xMax};
    if (c.xLogBase > 0) { xExtra.logBase = c.xLogBase; }
    var option = base(c,
      axis(xType, c.xName, xExtra),
      axis('value', 'share of problems', {min: 0, max: 1, nameGap: 44}));
    option.series = c.series.map(function (s) {
      return {name: s.name, type: 'line', data: s.points, symbol: 'none',
        color: s.colour, lineStyle: {width: 2, type: s.dash}};
    });
    option.tooltip = {trigger: 'axis', confine: true, valueFormatter: fmt};
    return option;
  }

  function lr(c) {
    var option = base(c,
      axis('log', 'learning rate (log scale)', {}),
      axis(c.yLog ? 'log' : 'value', c.yName, {nameGap: 56}));
    option.series = c.series.map(function (s) {
      return {name: s.name, type: 'line', data: s.points, symbol: 'circle', symbolSize: 7,
        color: s.colour, lineStyle: {width: 2, type: s.dash}};
    });
    option.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      return p.marker + p.seriesName + '<br>lr ' + fmt(p.value[0]) + ': ' + fmt(p.value[1]);
    }};
    return option;
  }

  function ert(c) {
    var option = base(c,
      axis('log', 'target f − f* (log scale, harder to the right)', {inverse: true, min: 1e-8, max: 1e2}),
      axis('log', 'aRT (evaluations)', {nameGap: 56}));
    option.series = c.series.map(function (s) {
      return {name: s.name, type: 'line', data: s.points, symbol: 'circle', symbolSize: 5,
        connectNulls: false, color: s.colour, lineStyle: {width: 2, type: s.dash}};
    });
    option.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      var v = p.value;
      var high = v[5] === 'inf' ? '∞' : fmt(v[5]);
      return p.marker + p.seriesName + '<br>target ' + fmt(v[0]) + ': aRT ' + fmt(v[1]) +
        ' [' + fmt(v[4]) + ', ' + high + '], ' + v[2] + ' of ' + v[3] + ' runs reached it';
    }};
    return option;
  }

  function sharpness(c) {
    var option = base(c,
      axis('value', 'iterations', {min: 0, max: c.xMax}),
      axis(c.yLog ? 'log' : 'value', 'sharpness (largest eigenvalue of the Hessian)', {nameGap: 56}));
    option.series = [];
    c.series.forEach(function (s) {
      option.series.push({name: s.name, type: 'line', data: s.points, symbol: 'circle',
        symbolSize: 4, color: s.colour, lineStyle: {width: 2, type: s.dash}});
      if (s.threshold) {
        option.series.push({name: s.name, type: 'line', data: s.threshold, symbol: 'none',
          color: s.colour, lineStyle: {width: 1, opacity: 0.6, type: 'dashed'},
          tooltip: {show: false}});
      }
    });
    option.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      return p.marker + p.seriesName + '<br>iteration ' + fmt(p.value[0]) + ': sharpness ' +
        fmt(p.value[1]);
    }};
    return option;
  }

  var builders = {convergence: convergence, ecdf: ecdf, lr: lr, ert: ert, profile: profile,
    sharpness: sharpness};
  var instances = [];
  var byId = {};
  data.charts.forEach(function (c) { byId[c.id] = c; });

  function draw(el) {
    var c = byId[el.id];
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    chart.setOption(builders[c.kind](c));
    instances.push(chart);
  }

  // a suite of many functions has hundreds of charts: each is drawn when it comes near the view
  var elements = data.charts.map(function (c) { return document.getElementById(c.id); });
  if ('IntersectionObserver' in window) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, {rootMargin: '800px 0px'});
    elements.forEach(function (el) { observer.observe(el); });
  } else {
    elements.forEach(draw);
  }
  window.addEventListener('resize', function () {
    instances.forEach(function (chart) { chart.resize(); });
  });
  window.addEventListener('beforeprint', function () {
    elements.forEach(function (el) {
      if (!echarts.getInstanceByDom(el)) {
        draw(el);
      }
    });
  });

  function sortKey(cell, numeric) {
    var v = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
    if (!numeric) {
      return v;
    }
    return v === '' ? NaN : Number(v);
  }

  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, column) {
      th.addEventListener('click', function () {
        var numeric = th.getAttribute('data-type') === 'number';
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[column], numeric);
          var y = sortKey(b.cells[column], numeric);
          if (numeric) {
            // rows without a value go last whichever way the column is sorted
            if (isNaN(x) || isNaN(y)) {
              return isNaN(x) === isNaN(y) ? 0 : isNaN(x) ? 1 : -1;
            }
            return ascending ? x - y : y - x;
          }
          var order = x.localeCompare(y, undefined, {numeric: true});
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  document.querySelectorAll('input.filter').forEach(function (input) {
    var table = document.getElementById(input.getAttribute('data-table'));
    var shown = document.querySelector('.shown[data-table="' + table.id + '"]');
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var count = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        count += match ? 1 : 0;
      });
      shown.textContent = count + ' of ' + table.tBodies[0].rows.length + ' rows';
    });
  });

  window.gradusReady = true;
})();
